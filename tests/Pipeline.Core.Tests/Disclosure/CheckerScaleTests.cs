using System.Diagnostics;
using Pipeline.Core.Datasets;
using Pipeline.Testing.Disclosure;
using Xunit.Abstractions;

namespace Pipeline.Core.Tests.Disclosure;

/// <summary>How large a dataset the checker proves in CI time: a violence-admissions-like slice of many areas and three years.</summary>
public class CheckerScaleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(60, 12)]
    public void A_larger_dataset_is_proved(int areas, int quarters)
    {
        var admissions = DatasetRegistry.BuiltIn.Get("violence-admissions");
        var random = new Random(26);
        var rows = new List<(string, string, long[])>();
        for (var q = 0; q < quarters; q++)
        {
            for (var a = 0; a < areas; a++)
            {
                long total = random.Next(10, 120);
                rows.Add(($"{2022 + (q / 4)}-Q{(q % 4) + 1}", $"E99{a:D6}", [total, Math.Min(total, random.Next(0, 15))]));
            }
        }

        var accepted = ProtectedDocuments.Accepted(admissions.Id, rows);
        var clock = Stopwatch.StartNew();
        var report = DisclosureChecker.Check(admissions, accepted, ProtectedDocuments.Public(admissions, accepted));

        output.WriteLine($"{areas} areas x {quarters} quarters: {report.WithheldCells} withheld cells, {report.WithheldFigures} withheld figures, proved in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(report.Passed, report.ToString());
    }
}
