using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Intervals;
using Pipeline.Core.Returns;
using static Pipeline.Core.Tests.Comparisons.CountMetricTests;

namespace Pipeline.Core.Tests.Comparisons;

/// <summary>Rates per population in the comparison: which year's people, and what happens without them.</summary>
public class PopulationRateTests
{
    private const string Population = "west-midlands-10-to-24";

    private static readonly DateTimeOffset ComputedAt = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_seed_total_is_offences_per_1000_people_with_byars_intervals()
    {
        var document = ComparisonCalculator.ComputeAll(DatasetRegistry.BuiltIn.Default, SeedData.Quarters, SeedData.Areas, ComputedAt)
            .Single(d => d.Period == new Period(YearBasis.Calendar, 2024));
        var rate = document.Total.Metrics.Get("offencesPer1000").PerPopulation!;

        // 6,621 offences among 603,480 people in 2024, 7,675 among 597,410 in 2023; Byar's bounds worked independently
        // (docs/method.md): 6,621 (1 - 1/59,589 -/+ ...)^3 and so on.
        Assert.Equal(new PopulationRateMetric(10.97m, 12.85m, -1.88m, 10.71m, 11.24m, 12.56m, 13.14m, 2024, 2023), rate);
        Assert.Equal(ChangeSignificance.Fall, rate.Significance);
        Assert.Equal(6621, document.Total.Metrics.Get("offences").Count!.Current);
    }

    [Fact]
    public void A_year_without_an_estimate_uses_the_latest_earlier_one_and_names_it()
    {
        var dataset = WithPopulation("year,area_code,population\n2022,E08000025,1000\n2023,E08000025,2000\n");

        var documents = Compute(dataset, ("2023-Q1", 40), ("2024-Q1", 50), ("2025-Q1", 60));

        var calendar2024 = Rate(documents, new Period(YearBasis.Calendar, 2024));
        Assert.Equal((2023, 2023), (calendar2024.CurrentPopulationYear, calendar2024.PreviousPopulationYear));
        Assert.Equal(("25.00", "20.00", "5.00"), (Text(calendar2024.Current), Text(calendar2024.Previous), Text(calendar2024.Change)));

        // 2024/25 ends in March 2025: the latest estimate not after 2025 is 2023's.
        var financial = Rate(documents, new Period(YearBasis.Financial, 2024));
        Assert.Equal((2023, 2023), (financial.CurrentPopulationYear, financial.PreviousPopulationYear));
        Assert.Null(financial.Note);
    }

    [Fact]
    public void A_period_before_the_first_estimate_has_no_rate_and_says_why()
    {
        var dataset = WithPopulation("year,area_code,population\n2024,E08000025,1000\n");

        var rate = Rate(Compute(dataset, ("2023-Q1", 40), ("2024-Q1", 50)), new Period(YearBasis.Calendar, 2024));

        Assert.Equal(("50.00", null, null), (Text(rate.Current), rate.Previous, rate.Change));
        Assert.Equal((2024, (int?)null), (rate.CurrentPopulationYear, rate.PreviousPopulationYear));
        Assert.Equal((null, null), (rate.PreviousLower, rate.PreviousUpper));
        Assert.Equal("There is no estimate of people aged 10 to 24 for 2023 or any earlier year, so 2023 has no rate.", rate.Note);
        Assert.Equal(ChangeSignificance.Unknown, rate.Significance);
    }

    [Fact]
    public void An_area_without_a_population_has_no_rate_and_the_total_has_none_either()
    {
        var dataset = WithPopulation("year,area_code,population\n2023,E08000025,1000\n2024,E08000025,1000\n");
        var accepted = new List<AcceptedQuarter>
        {
            AcceptedQuarterBuilder.ForQuarter("2023-Q1").WithArea("E08000025", "Birmingham", 30, 0, 0).WithArea("E08000026", "Coventry", 7, 0, 0).Build(),
            AcceptedQuarterBuilder.ForQuarter("2024-Q1").WithArea("E08000025", "Birmingham", 20, 0, 0).WithArea("E08000026", "Coventry", 9, 0, 0).Build(),
        };

        var document = ComparisonCalculator.ComputeAll(dataset, accepted, SeedData.Areas, ComputedAt).Single(d => d.Period == new Period(YearBasis.Calendar, 2024));

        var birmingham = document.Areas[0].Metrics.Get("offencesPer1000").PerPopulation!;
        var coventry = document.Areas[1].Metrics.Get("offencesPer1000").PerPopulation!;
        var total = document.Total.Metrics.Get("offencesPer1000").PerPopulation!;
        Assert.Equal(("20.00", "30.00", "-10.00"), (Text(birmingham.Current), Text(birmingham.Previous), Text(birmingham.Change)));
        Assert.Equal(new PopulationRateMetric(null, null, null, null, null, null, null, 2024, 2023, "There is no 2024 estimate of people aged 10 to 24 for E08000026, so it has no rate."), coventry);
        Assert.Equal((null, null), (total.Current, total.Previous));
        Assert.Equal("There is no 2024 estimate of people aged 10 to 24 for E08000026, so the total has no rate: it has one only when every area has a population.", total.Note);
        Assert.Equal(29, document.Total.Metrics.Get("offences").Count!.Current);
    }

    [Fact]
    public void A_comparison_of_quarters_holding_no_area_has_no_rate_and_says_why()
    {
        var accepted = new List<AcceptedQuarter>
        {
            AcceptedQuarterBuilder.ForQuarter("2023-Q1").Build(),
            AcceptedQuarterBuilder.ForQuarter("2024-Q1").Build(),
        };

        var document = ComparisonCalculator.ComputeAll(DatasetRegistry.BuiltIn.Default, accepted, SeedData.Areas, ComputedAt).Single(d => d.Period == new Period(YearBasis.Calendar, 2024));

        var total = document.Total.Metrics.Get("offencesPer1000").PerPopulation!;
        Assert.Equal((null, null, 2024, 2023), (total.Current, total.Previous, total.CurrentPopulationYear, total.PreviousPopulationYear));
        Assert.Equal("There are no areas in the quarters compared, so there is no rate.", total.Note);
    }

    [Fact]
    public void A_withheld_count_withholds_its_rate_interval_and_change()
    {
        // The seam for disclosure control (docs/contract.md section 12): a count published as null gives null figures on it.
        // Byar for 12 events: 6.19 to 20.96; Wilson for 5/100: 2.15 to 11.18 (worked independently).
        var pair = new PopulationPair(1000, 2024, 1000, 2023, null);

        var perPopulation = PopulationRateMetric.Compute(null, 12, 1000, pair);
        var rate = RateMetric.Compute(null, 100, 5, 100);

        Assert.Equal(new PopulationRateMetric(null, 12.00m, null, null, null, 6.19m, 20.96m, 2024, 2023), perPopulation);
        Assert.Equal((null, null, null, null, null), (rate.Current, rate.CurrentLower, rate.CurrentUpper, rate.ChangeLower, rate.ChangeUpper));
        Assert.Equal((5.00m, 2.15m, 11.18m), (rate.Previous, rate.PreviousLower, rate.PreviousUpper));
        Assert.Equal(new RateMetric(null, null, null), RateMetric.Compute(5, null, 5, null));
    }

    private static DatasetDefinition WithPopulation(string csv) => DatasetRegistry.BuiltIn.Default with
    {
        Populations = new Dictionary<string, PopulationTable>
        {
            [Population] = PopulationReader.Read(Population, csv, "test.csv", """{"title": "People aged 10 to 24", "source": "Test figures."}""", "test.json"),
        },
    };

    private static IReadOnlyList<SummaryDocument> Compute(DatasetDefinition dataset, params (string Quarter, long Offences)[] quarters) =>
        ComparisonCalculator.ComputeAll(
            dataset,
            [.. quarters.Select(q => AcceptedQuarterBuilder.ForQuarter(q.Quarter).WithArea("E08000025", "Birmingham", q.Offences, 0, 0).Build())],
            SeedData.Areas,
            ComputedAt);

    private static PopulationRateMetric Rate(IReadOnlyList<SummaryDocument> documents, Period period) =>
        documents.Single(d => d.Period == period).Total.Metrics.Get("offencesPer1000").PerPopulation!;
}
