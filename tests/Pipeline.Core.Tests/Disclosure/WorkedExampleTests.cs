using System.Text.Json;
using Pipeline.Core.Datasets;
using Pipeline.Testing.Disclosure;
using static Pipeline.Core.Tests.Disclosure.BuiltCases;

namespace Pipeline.Core.Tests.Disclosure;

/// <summary>docs/method.md's worked example, figure for figure, and what it says of the samples.</summary>
public class WorkedExampleTests
{
    [Fact]
    public void One_quarter_of_four_areas_publishes_B_D_and_the_total_and_A_could_be_1_to_11()
    {
        long[] counts = [3, 12, 9, 40];
        var accepted = Quarters("2024-Q1", 1, ["A", "B", "C", "D"], (_, a) => (counts[a], 0));

        using var json = JsonDocument.Parse(ProtectedDocuments.Of(Dataset, accepted).Series);
        var quarter = json.RootElement.GetProperty("quarters")[0];
        var report = DisclosureChecker.Check(Dataset, accepted, ProtectedDocuments.Public(Dataset, accepted), intervals: true);

        Assert.Equal(
            ["withheld", "10", "withheld", "40"],
            quarter.GetProperty("areas").EnumerateArray().Select(a => a.TryGetProperty("casesSuppressed", out _) ? "withheld" : a.GetProperty("cases").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(65, quarter.GetProperty("total").GetProperty("cases").GetInt64());
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(((Rational?)1, (Rational?)11), report.Ranges["series 2024-Q1 A cases"]);
        Assert.Equal(((Rational?)1, (Rational?)11), report.Ranges["series 2024-Q1 C cases"]);
    }

    [Fact]
    public void The_samples_withhold_six_areas_sharp_object_admissions_and_no_admissions_count()
    {
        var admissions = DatasetRegistry.BuiltIn.Get("violence-admissions");
        var accepted = ProtectedDocuments.Samples(admissions);

        var figures = ProtectedDocuments.Public(admissions, accepted).Figures;

        Assert.DoesNotContain(figures, f => f.Withheld && f.Field == "admissions");
        var withheld = figures.Where(f => f.Withheld).SelectMany(f => f.Cells.Select(c => c.Area)).Distinct().Order().ToList();
        Assert.Equal(["E08000026", "E08000027", "E08000028", "E08000029", "E08000030", "E08000031"], withheld);
        Assert.DoesNotContain(figures, f => f.Withheld && f.Label.Contains("total", StringComparison.Ordinal));
    }
}
