using System.Text;
using System.Text.Json;
using Pipeline.Core.Returns;
using Pipeline.Core.Series;
using Pipeline.Testing.Disclosure;
using static Pipeline.Core.Tests.Disclosure.BuiltCases;

namespace Pipeline.Core.Tests.Disclosure;

/// <summary>The disclosure step's output, figure by figure: bounds, rounding, the symbol, order and single areas.</summary>
public class DisclosureStepTests
{
    [Fact]
    public void Counts_at_the_bounds_0_1_7_8_are_published_withheld_withheld_and_rounded()
    {
        // E01..E05 hold 0, 1, 7, 8 and 22 cases; nothing severe.
        long[] cases = [0, 1, 7, 8, 22];
        var accepted = Quarters("2024-Q1", 1, ["E01", "E02", "E03", "E04", "E05"], (_, a) => (cases[a], 0));

        var (_, series) = ProtectedDocuments.Of(Dataset, accepted);

        using var json = JsonDocument.Parse(series);
        var areas = json.RootElement.GetProperty("quarters")[0].GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(0, areas[0].GetProperty("cases").GetInt64());
        Assert.False(areas[0].TryGetProperty("casesSuppressed", out _));
        Assert.Equal(JsonValueKind.Null, areas[1].GetProperty("cases").ValueKind);
        Assert.True(areas[1].GetProperty("casesSuppressed").GetBoolean());
        Assert.True(areas[2].GetProperty("casesSuppressed").GetBoolean());
        // 8 is not small, and E02 and E03, both withheld, protect each other: it is published, rounded.
        Assert.Equal(10, areas[3].GetProperty("cases").GetInt64());
        Assert.Equal(20, areas[4].GetProperty("cases").GetInt64());
        // The total is the rounded sum of the exact counts: 38 is published as 40, not 10 + 20 + withheld.
        Assert.Equal(40, json.RootElement.GetProperty("quarters")[0].GetProperty("total").GetProperty("cases").GetInt64());
        Assert.True(DisclosureChecker.Check(Dataset, accepted, ProtectedDocuments.Public(Dataset, accepted)).Passed);
    }

    [Fact]
    public void The_CSV_shows_the_symbol_and_the_JSON_null_with_Suppressed()
    {
        var accepted = Quarters("2024-Q1", 1, ThreeAreas, (_, a) => a == 0 ? (3, 1) : (20 + a, 9));
        var control = Pipeline.Core.Disclosure.DisclosureControl.Decide(Dataset, accepted)!;
        var series = control.Protect(SeriesCalculator.Compute(Dataset, accepted, []));

        var csv = Encoding.UTF8.GetString(SeriesCsv.ToUtf8Bytes(series, "[c]"));
        var json = Encoding.UTF8.GetString(SeriesJson.ToUtf8Bytes(series));

        Assert.Equal(
            "quarter,area_code,area_name,cases,severe\r\n2024-Q1,E01,E01,[c],[c]\r\n2024-Q1,E02,E02,[c],[c]\r\n2024-Q1,E03,E03,20,10\r\n2024-Q1,,Total,45,20\r\n",
            csv);
        Assert.Contains("\"cases\": null,\n          \"casesSuppressed\": true,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_figures_give_the_same_documents_whatever_order_they_come_in()
    {
        var accepted = Quarters("2023-Q1", 8, FourAreas, (q, a) => (((q * 7) + (a * 5)) % 13, ((q * 3) + a) % 5));
        var shuffled = accepted.AsEnumerable().Reverse().Select(q => q with { Areas = [.. q.Areas.Reverse()] }).ToList();

        var (summaries, series) = ProtectedDocuments.Of(Dataset, accepted);
        var (again, seriesAgain) = ProtectedDocuments.Of(Dataset, shuffled);

        Assert.Equal(series, seriesAgain);
        Assert.Equal(summaries, again);
    }

    [Fact]
    public void A_single_area_is_withheld_with_its_total()
    {
        var accepted = Quarters("2023-Q1", 8, ["E01"], (q, _) => (q == 2 ? 4 : 30, 0));

        var (_, series) = ProtectedDocuments.Of(Dataset, accepted);

        using var json = JsonDocument.Parse(series);
        var quarter = json.RootElement.GetProperty("quarters")[2];
        Assert.True(quarter.GetProperty("total").GetProperty("casesSuppressed").GetBoolean());
        Assert.True(quarter.GetProperty("areas")[0].GetProperty("casesSuppressed").GetBoolean());
        Assert.True(DisclosureChecker.Check(Dataset, accepted, ProtectedDocuments.Public(Dataset, accepted)).Passed);
    }

    [Fact]
    public void A_rule_that_withholds_every_area_still_publishes_the_total_and_gives_nothing_away()
    {
        var accepted = Quarters("2023-Q1", 8, FourAreas, (q, a) => (1 + ((q + a) % 7), 0));

        var report = DisclosureChecker.Check(Dataset, accepted, ProtectedDocuments.Public(Dataset, accepted));

        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void A_correction_across_the_threshold_withholds_what_was_published()
    {
        List<AcceptedQuarter> Version(long e01) => Quarters("2024-Q1", 1, FourAreas, (_, a) => (a == 0 ? e01 : 30 + a, 0));

        var before = JsonDocument.Parse(ProtectedDocuments.Of(Dataset, Version(8)).Series).RootElement.GetProperty("quarters")[0];
        var after = JsonDocument.Parse(ProtectedDocuments.Of(Dataset, Version(7)).Series).RootElement.GetProperty("quarters")[0];

        Assert.Equal(10, before.GetProperty("areas")[0].GetProperty("cases").GetInt64());
        Assert.True(after.GetProperty("areas")[0].GetProperty("casesSuppressed").GetBoolean());
        Assert.True(DisclosureChecker.Check(Dataset, Version(7), ProtectedDocuments.Public(Dataset, Version(7))).Passed);
    }
}
