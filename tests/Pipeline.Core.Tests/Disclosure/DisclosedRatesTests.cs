using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Disclosure;
using Pipeline.Core.Intervals;
using Pipeline.Core.Summaries;
using Pipeline.Testing.Disclosure;

namespace Pipeline.Core.Tests.Disclosure;

/// <summary>
/// The disclosure step (docs/contract.md section 12) on the figures of section 13: a rate's intervals and a rate per
/// population, with its interval and change, are withheld wherever their count is, and kept as computed where it is not.
/// </summary>
public class DisclosedRatesTests
{
    private static readonly string[] Areas = ["E08000025", "E08000026", "E08000027"];

    private static readonly DatasetDefinition Dataset = DatasetDefinitionReader.Read(
        """
        {"id": "built-rates", "title": "Built", "fields": [
          {"name": "cases", "title": "Cases"},
          {"name": "severe", "title": "Severe cases", "notGreaterThan": "cases"}],
         "metrics": [{"id": "cases", "count": "cases"}, {"id": "severe", "count": "severe"},
                     {"id": "severeShare", "rate": {"numerator": "severe", "denominator": "cases"}},
                     {"id": "severePer1000", "perPopulation": {"count": "severe", "per": 1000, "population": "people"}}],
         "disclosure": {"suppress": {"from": 1, "to": 7}, "roundTo": 5, "symbol": "[c]"}}
        """,
        "built-rates.json") with
    {
        Populations = new Dictionary<string, PopulationTable>
        {
            ["people"] = PopulationReader.Read(
                "people",
                "year,area_code,population\n" + string.Join("\n", new[] { 2023, 2024 }.SelectMany(y => Areas.Select(a => $"{y},{a},10000"))) + "\n",
                "people.csv",
                """{"title": "People", "source": "Test figures."}""",
                "people.json"),
        },
    };

    [Fact]
    public void A_withheld_count_withholds_its_rate_per_population_and_every_interval_on_it()
    {
        // E08000025 has 1 severe case a quarter (withheld everywhere); E08000026 10 and E08000027 20 a quarter, 40 cases each.
        long[] severe = [1, 10, 20];
        var accepted = ProtectedDocuments.Accepted(
            Dataset.Id,
            [.. Enumerable.Range(0, 8).SelectMany(q => Areas.Select((a, i) => ($"{2023 + (q / 4)}-Q{(q % 4) + 1}", a, new[] { 40L, severe[i] })))]);
        var computed = ComparisonCalculator.ComputeAll(Dataset, accepted, [], new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero))
            .Single(d => d.Period == new Period(YearBasis.Calendar, 2024));

        var document = DisclosureControl.Decide(Dataset, accepted)!.Protect(computed);

        var withheld = document.Areas.Single(a => a.Code == "E08000025").Metrics;
        Assert.True(Withheld.Is(withheld.Get("severe").Count!.Current));
        var perPopulation = withheld.Get("severePer1000").PerPopulation!;
        Assert.All(
            new[] { perPopulation.Current, perPopulation.Previous, perPopulation.Change, perPopulation.CurrentLower, perPopulation.CurrentUpper, perPopulation.PreviousLower, perPopulation.PreviousUpper },
            v => Assert.True(Withheld.Is(v)));
        Assert.Equal((2024, 2023), (perPopulation.CurrentPopulationYear, perPopulation.PreviousPopulationYear));
        Assert.Equal(ChangeSignificance.Unknown, perPopulation.Significance);
        var rate = withheld.Get("severeShare").Rate!;
        Assert.All(
            new[] { rate.Current, rate.Previous, rate.ChangePoints, rate.CurrentLower, rate.CurrentUpper, rate.PreviousLower, rate.PreviousUpper, rate.ChangeLower, rate.ChangeUpper },
            v => Assert.True(Withheld.Is(v)));
        Assert.Equal(ChangeSignificance.Unknown, rate.Significance);
        Assert.Contains("Severe cases per 1,000 people: withheld to protect confidentiality ([c])", Headlines.For(Dataset, document.Period, withheld));

        // The total's 124 severe cases (4 + 40 + 80) are published: its rate per population and intervals are as computed
        // from the exact counts. 124 per 30,000 people is 4.13 per 1,000; Byar's bounds for 124 events, 3.44 to 4.93.
        var total = document.Total.Metrics.Get("severePer1000").PerPopulation!;
        Assert.Equal(computed.Total.Metrics.Get("severePer1000").PerPopulation, total);
        Assert.Equal((4.13m, 3.44m, 4.93m), (total.Current, total.CurrentLower, total.CurrentUpper));

        using var json = JsonDocument.Parse(SummaryJson.ToUtf8Bytes(document));
        var area = json.RootElement.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "E08000025");
        foreach (var (metric, key) in new[] { ("severePer1000", "currentLower"), ("severePer1000", "change"), ("severeShare", "changeUpper"), ("severeShare", "previousLower") })
        {
            Assert.Equal(JsonValueKind.Null, area.GetProperty(metric).GetProperty(key).ValueKind);
            Assert.True(area.GetProperty(metric).GetProperty(key + "Suppressed").GetBoolean(), $"{metric}.{key}");
        }

        Assert.Equal(2024, area.GetProperty("severePer1000").GetProperty("currentPopulationYear").GetInt32());
        var bytes = SummaryJson.ToUtf8Bytes(document);
        Assert.Equal(bytes, SummaryJson.ToUtf8Bytes(SummaryJson.Deserialize(bytes))); // Read back with its markers.
    }
}
