using System.Text;
using Pipeline.Core.Returns;
using Pipeline.Testing.Disclosure;
using static Pipeline.Core.Tests.Disclosure.BuiltCases;

namespace Pipeline.Core.Tests.Disclosure;

/// <summary>
/// Each case tempts one kind of recovery: the checker finds the withheld figure given away when secondary suppression
/// is off (so it can fail), and nothing given away when it is on.
/// </summary>
public class TemptedRecoveryTests
{
    public static TheoryData<string> Cases => [.. Built.Keys];

    private static readonly Dictionary<string, List<AcceptedQuarter>> Built = new()
    {
        // A total and the other areas: E01's 3 is the total less 20 and 30.
        ["total less the other areas"] = Quarters("2024-Q1", 1, ThreeAreas, (_, a) => a == 0 ? (3, 0) : (10 * (a + 1), 0)),
        // Two withheld ones: 1 + 1 = 2 leaves no room, as a withheld figure is at least 1.
        ["two ones beside a total"] = Quarters("2024-Q1", 1, FourAreas, (_, a) => a < 2 ? (1, 0) : (20, 0)),
        // A year against its published quarters: E01's 2024-Q2 is its year less three quarters of 20.
        ["a year and its quarters"] = Quarters("2023-Q1", 8, ThreeAreas, (q, a) => a == 0 && q == 5 ? (3, 0) : (20 + a, 0)),
        // Two overlapping rolling years: their difference is 2024-Q4 less 2023-Q4 of E02.
        ["rolling years side by side"] = Quarters("2022-Q4", 9, ThreeAreas, (q, a) => a == 1 && q == 8 ? (4, 0) : (30 + q, 0)),
        // A field equal to its notGreaterThan partner, each small in one area: both fields must move together.
        ["a field at its partner's value"] = Quarters("2024-Q1", 1, FourAreas, (_, a) => a == 0 ? (3, 3) : (20 + a, 9 + a)),
        // Every cell of the quarter is 1: no pair can move, so one cell moves with the total.
        ["every area one"] = Quarters("2024-Q1", 1, [.. Enumerable.Range(10, 10).Select(i => $"E{i}")], (_, _) => (1, 1)),
        // A change beside its two values across two years of small and large counts.
        ["a change and its two values"] = Quarters("2023-Q1", 8, FourAreas, (q, a) => (a == 2 ? 1 + (q % 7) : 15 + q + a, a == 2 ? 1 : 8 + (q % 3))),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_checker_finds_what_primary_suppression_alone_gives_away(string name)
    {
        var report = DisclosureChecker.Check(Dataset, Built[name], ProtectedDocuments.Public(Dataset, Built[name], secondary: false));

        Assert.NotEmpty(report.Determined);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Secondary_suppression_leaves_nothing_to_work_out(string name)
    {
        var report = DisclosureChecker.Check(Dataset, Built[name], ProtectedDocuments.Public(Dataset, Built[name]), intervals: true);

        Assert.True(report.Passed, report.ToString());
        Assert.All(report.Ranges, r => Assert.True(r.Value.Min is null || r.Value.Max is null || r.Value.Min < r.Value.Max, r.Key));
    }

    [Fact]
    public void The_checker_finds_a_change_published_beside_a_withheld_count()
    {
        var accepted = Built["a year and its quarters"];
        var (summaries, series) = ProtectedDocuments.Of(Dataset, accepted);
        // Tamper with the calendar 2024 summary: E01's change written as a number beside its withheld current.
        var calendar = summaries.FindIndex(s => Encoding.UTF8.GetString(s).Contains("\"period\": \"2024\"", StringComparison.Ordinal) && Encoding.UTF8.GetString(s).Contains("calendar", StringComparison.Ordinal));
        var text = Encoding.UTF8.GetString(summaries[calendar]);
        var tampered = text.Replace("\"change\": null,\n        \"changeSuppressed\": true", "\"change\": -15", StringComparison.Ordinal);
        Assert.NotEqual(text, tampered);
        summaries[calendar] = Encoding.UTF8.GetBytes(tampered);

        var report = DisclosureChecker.Check(Dataset, accepted, new PublicFigures(Dataset, series, summaries, null));

        Assert.Contains(report.Problems, p => p.Contains("change is published although a count it is worked from is withheld", StringComparison.Ordinal));
    }
}
