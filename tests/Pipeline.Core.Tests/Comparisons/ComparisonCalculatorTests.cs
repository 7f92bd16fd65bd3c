using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Returns;
using static Pipeline.Core.Tests.Comparisons.CountMetricTests;

namespace Pipeline.Core.Tests.Comparisons;

public class ComparisonCalculatorTests
{
    private static readonly DateTimeOffset ComputedAt = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<Area> TwoAreas = [new("E08000025", "Birmingham"), new("E08000026", "Coventry")];

    [Fact]
    public void Gives_the_contract_seed_figures_for_calendar_2024()
    {
        var document = Single(Compute(SeedData.Quarters, SeedData.Areas), YearBasis.Calendar, 2024);
        var total = document.Total;

        Assert.Equal(ComparisonStatus.Complete, document.Status);
        Assert.Equal(new CountMetric(6621, 7675, -1054, -13.73m), total.Offences);
        Assert.Equal(new CountMetric(328, 370, -42, -11.35m), total.KnifeOffences);
        Assert.Equal(new CountMetric(858, 801, 57, 7.12m), total.PositiveOutcomes);
        // The intervals: Wilson's for 858/6621 and 801/7675, Newcombe's for the change, worked independently (docs/method.md).
        Assert.Equal(new RateMetric(12.96m, 10.44m, 2.52m, 12.17m, 13.79m, 9.77m, 11.14m, 1.47m, 3.59m), total.PositiveOutcomeRate);
        Assert.Equal(["-13.73", "-11.35", "7.12", "12.96", "10.44", "2.52"], new[]
        {
            total.Offences.ChangePercent, total.KnifeOffences.ChangePercent, total.PositiveOutcomes.ChangePercent,
            total.PositiveOutcomeRate.Current, total.PositiveOutcomeRate.Previous, total.PositiveOutcomeRate.ChangePoints,
        }.Select(Text));
        Assert.Equal(SeedData.Areas.Select(a => a.Code), document.Areas.Select(a => a.Code));
        Assert.Equal(6621, document.Areas.Sum(a => a.Offences.Current));
    }

    [Fact]
    public void Lists_the_compared_quarters_and_every_source_in_quarter_order()
    {
        var document = Single(Compute(SeedData.Quarters, SeedData.Areas), YearBasis.Calendar, 2024);

        Assert.Equal(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"], document.Quarters.Select(q => q.ToString()));
        Assert.Equal(
            ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"],
            document.Sources.Select(s => s.Quarter.ToString()));
        var first = document.Sources[0];
        Assert.Equal("returns/2023-Q1.csv", first.File);
        Assert.Equal(AcceptedQuarterBuilder.FakeSha256(new Quarter(2023, 1)), first.Sha256);
    }

    [Fact]
    public void Compares_only_periods_that_share_a_quarter_position_with_the_year_before()
    {
        var documents = Compute(SeedData.Quarters, SeedData.Areas);

        // Calendar 2023 has no 2022 to compare with; financial 2022/23 (only 2023-Q1) has no 2021/22; only 2024-Q4 has all
        // eight quarters of a rolling year behind it.
        Assert.Equal(
            ["calendar 2024 complete", "financial 2023/24 year-to-date", "financial 2024/25 year-to-date", "rolling 2024-Q4 complete"],
            documents.Select(d => $"{d.Basis.ToWireName()} {d.Period} {d.Status.ToWireName()}"));
        var financial = Single(documents, YearBasis.Financial, 2024);
        Assert.Equal(["2024-Q2", "2024-Q3", "2024-Q4"], financial.Quarters.Select(q => q.ToString()));
        Assert.Equal(["2024-Q1"], Single(documents, YearBasis.Financial, 2023).Quarters.Select(q => q.ToString()));
    }

    [Fact]
    public void Has_no_comparison_when_no_quarter_position_is_accepted_in_both_years()
    {
        var documents = Compute([Quarter("2023-Q1", 10), Quarter("2023-Q3", 10), Quarter("2024-Q2", 10), Quarter("2024-Q4", 10)]);

        Assert.DoesNotContain(documents, d => d.Basis == YearBasis.Calendar);
    }

    [Fact]
    public void Assembles_a_financial_year_across_two_calendar_years()
    {
        var accepted = new[] { "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1" }
            .Select((q, i) => Quarter(q, 100 + i))
            .ToList();

        var document = Single(Compute(accepted), YearBasis.Financial, 2024);

        Assert.Equal("2024/25", document.Period.ToString());
        Assert.Equal("2023/24", document.PreviousPeriod.ToString());
        Assert.Equal(ComparisonStatus.Complete, document.Status);
        Assert.Equal(["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"], document.Quarters.Select(q => q.ToString()));
        // Birmingham has the figure, Coventry 1: 104+105+106+107 against 100+101+102+103.
        Assert.Equal(new CountMetric(422, 406, 16, 3.94m), document.Areas[0].Offences);
        Assert.Equal(new CountMetric(4, 4, 0, 0.00m), document.Areas[1].Offences);
        Assert.Equal(8, document.Sources.Count);
        Assert.Equal(new Quarter(2025, 1), document.Sources[^1].Quarter);
    }

    [Fact]
    public void Compares_year_to_date_when_the_current_year_is_not_over()
    {
        var accepted = new[] { "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2" }
            .Select(q => Quarter(q, 10)).ToList();

        var document = Single(Compute(accepted), YearBasis.Calendar, 2024);

        Assert.Equal(ComparisonStatus.YearToDate, document.Status);
        Assert.Equal(["2024-Q1", "2024-Q2"], document.Quarters.Select(q => q.ToString()));
        Assert.Equal(["2023-Q1", "2023-Q2", "2024-Q1", "2024-Q2"], document.Sources.Select(s => s.Quarter.ToString()));
        Assert.Equal(new CountMetric(20, 20, 0, 0.00m), document.Areas[0].Offences);
    }

    [Fact]
    public void Compares_only_the_positions_accepted_in_the_previous_year_too()
    {
        var accepted = new[] { "2023-Q1", "2023-Q3", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4" }
            .Select(q => Quarter(q, 10)).ToList();

        var document = Single(Compute(accepted), YearBasis.Calendar, 2024);

        Assert.Equal(ComparisonStatus.YearToDate, document.Status);
        Assert.Equal(["2024-Q1", "2024-Q3"], document.Quarters.Select(q => q.ToString()));
        Assert.Equal(["2023-Q1", "2023-Q3", "2024-Q1", "2024-Q3"], document.Sources.Select(s => s.Quarter.ToString()));
        Assert.Equal(new CountMetric(20, 20, 0, 0.00m), document.Areas[0].Offences);
    }

    [Fact]
    public void Counts_an_area_missing_from_a_quarter_as_zero_there()
    {
        var accepted = new List<AcceptedQuarter>
        {
            AcceptedQuarterBuilder.ForQuarter("2023-Q1").WithArea("E08000025", "Birmingham", 10, 1, 2).Build(),
            AcceptedQuarterBuilder.ForQuarter("2024-Q1").WithArea("E08000025", "Birmingham", 12, 1, 3)
                .WithArea("E08000026", "Coventry", 5, 2, 1).Build(),
        };

        var document = Single(Compute(accepted), YearBasis.Calendar, 2024);

        var coventry = document.Areas.Single(a => a.Code == "E08000026");
        Assert.Equal(new CountMetric(5, 0, 5, null), coventry.Offences);
        Assert.Equal(new RateMetric(20.00m, null, null, 3.62m, 62.45m), coventry.PositiveOutcomeRate);
        Assert.Equal(new CountMetric(17, 10, 7, 70.00m), document.Total.Offences);
    }

    [Fact]
    public void Names_an_area_by_configuration_else_by_its_latest_return()
    {
        var accepted = new List<AcceptedQuarter>
        {
            AcceptedQuarterBuilder.ForQuarter("2023-Q1").WithArea("E08000025", "B'ham", 10, 1, 2)
                .WithArea("E06000001", "Hartlepool (old)", 3, 0, 1).Build(),
            AcceptedQuarterBuilder.ForQuarter("2023-Q2").WithArea("E06000001", "Hartlepool (2023-Q2)", 3, 0, 1).Build(),
            AcceptedQuarterBuilder.ForQuarter("2024-Q1").WithArea("E08000025", "Birmingham City", 12, 1, 3)
                .WithArea("E06000001", "Hartlepool", 4, 0, 1).Build(),
            AcceptedQuarterBuilder.ForQuarter("2024-Q2").WithArea("E08000025", "Brum", 12, 1, 3).Build(),
            // Not compared (no 2023-Q3), so its name is not used either.
            AcceptedQuarterBuilder.ForQuarter("2024-Q3").WithArea("E06000001", "Hartlepool (uncompared)", 4, 0, 1).Build(),
        };

        var document = Single(Compute(accepted), YearBasis.Calendar, 2024);

        Assert.Equal(["E06000001 Hartlepool", "E08000025 Birmingham"], document.Areas.Select(a => $"{a.Code} {a.Name}"));
    }

    [Fact]
    public void Orders_areas_by_code_ordinally()
    {
        var accepted = new List<AcceptedQuarter>
        {
            AcceptedQuarterBuilder.ForQuarter("2023-Q1").WithArea("e1", "x", 1, 0, 0).WithArea("W1", "x", 1, 0, 0)
                .WithArea("E2", "x", 1, 0, 0).WithArea("E10", "x", 1, 0, 0).Build(),
            AcceptedQuarterBuilder.ForQuarter("2024-Q1").WithArea("e1", "x", 1, 0, 0).Build(),
        };

        var document = Single(Compute(accepted), YearBasis.Calendar, 2024);

        Assert.Equal(["E10", "E2", "W1", "e1"], document.Areas.Select(a => a.Code));
    }

    [Fact]
    public void Computes_the_total_from_summed_whole_numbers_not_from_rounded_area_figures()
    {
        // Previous year: Birmingham 1/800 = 0.125 -> 0.13, Coventry 3/800 = 0.375 -> 0.38. The total's 4/1600 = 0.25;
        // anything built from the rounded area rates would say 0.255 or 0.26.
        var accepted = new List<AcceptedQuarter>
        {
            AcceptedQuarterBuilder.ForQuarter("2023-Q1").WithArea("E08000025", "Birmingham", 800, 0, 1)
                .WithArea("E08000026", "Coventry", 800, 0, 3).Build(),
            AcceptedQuarterBuilder.ForQuarter("2024-Q1").WithArea("E08000025", "Birmingham", 801, 0, 2)
                .WithArea("E08000026", "Coventry", 799, 0, 2).Build(),
        };

        var document = Single(Compute(accepted), YearBasis.Calendar, 2024);

        Assert.Equal(["0.13", "0.38"], document.Areas.Select(a => Text(a.PositiveOutcomeRate.Previous)));
        Assert.Equal(["0.13", "-0.13"], document.Areas.Select(a => Text(a.Offences.ChangePercent)));
        Assert.Equal(new RateMetric(0.25m, 0.25m, 0.00m, 0.10m, 0.64m, 0.10m, 0.64m, -0.42m, 0.42m), document.Total.PositiveOutcomeRate);
        Assert.Equal("0.25", Text(document.Total.PositiveOutcomeRate.Previous));
        Assert.Equal(new CountMetric(1600, 1600, 0, 0.00m), document.Total.Offences);
        Assert.Equal(new CountMetric(4, 4, 0, 0.00m), document.Total.PositiveOutcomes);
    }

    [Fact]
    public void Stamps_the_computation_time_in_whole_seconds_utc()
    {
        var documents = ComparisonCalculator.ComputeAll(Pipeline.Core.Datasets.DatasetRegistry.BuiltIn.Default, SeedData.Quarters, SeedData.Areas, new DateTimeOffset(2026, 11, 26, 3, 0, 0, 789, TimeSpan.FromHours(1)));

        Assert.All(documents, d => Assert.Equal(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero), d.ComputedAt));
        Assert.All(documents, d => Assert.Equal(TimeSpan.Zero, d.ComputedAt.Offset));
    }

    [Fact]
    public void Has_no_comparisons_without_accepted_quarters()
    {
        Assert.Empty(Compute([]));
    }

    [Fact]
    public void Refuses_a_quarter_accepted_twice()
    {
        Assert.Throws<ArgumentException>(() => Compute([Quarter("2024-Q1", 1), Quarter("2024-Q1", 2)]));
    }

    [Fact]
    public void Chooses_the_latest_complete_period_by_default()
    {
        (Period, ComparisonStatus)[] comparisons =
        [
            (new Period(YearBasis.Calendar, 2022), ComparisonStatus.Complete),
            (new Period(YearBasis.Calendar, 2024), ComparisonStatus.YearToDate),
            (new Period(YearBasis.Calendar, 2023), ComparisonStatus.Complete),
            (new Period(YearBasis.Financial, 2025), ComparisonStatus.Complete),
        ];

        Assert.Equal(new Period(YearBasis.Calendar, 2023), ComparisonCalculator.ChooseDefaultPeriod(YearBasis.Calendar, comparisons));
        Assert.Equal(new Period(YearBasis.Financial, 2025), ComparisonCalculator.ChooseDefaultPeriod(YearBasis.Financial, comparisons));
    }

    [Fact]
    public void Chooses_the_latest_year_to_date_period_when_none_is_complete()
    {
        var documents = Compute(SeedData.Quarters, SeedData.Areas);

        Assert.Equal(new Period(YearBasis.Financial, 2024), ComparisonCalculator.ChooseDefaultPeriod(YearBasis.Financial, documents));
        Assert.Equal(new Period(YearBasis.Calendar, 2024), ComparisonCalculator.ChooseDefaultPeriod(YearBasis.Calendar, documents));
    }

    [Fact]
    public void Chooses_no_period_when_the_basis_has_no_comparison()
    {
        Assert.Null(ComparisonCalculator.ChooseDefaultPeriod(YearBasis.Financial, Compute([Quarter("2023-Q1", 1), Quarter("2024-Q1", 1)])
            .Where(d => d.Basis == YearBasis.Calendar)));
    }

    private static IReadOnlyList<SummaryDocument> Compute(IReadOnlyList<AcceptedQuarter> accepted, IReadOnlyList<Area>? areas = null) =>
        ComparisonCalculator.ComputeAll(Pipeline.Core.Datasets.DatasetRegistry.BuiltIn.Default, accepted, areas ?? TwoAreas, ComputedAt);

    private static SummaryDocument Single(IReadOnlyList<SummaryDocument> documents, YearBasis basis, int startYear) =>
        Assert.Single(documents, d => d.Period == new Period(basis, startYear));

    /// <summary>A quarter where Birmingham has <paramref name="offences"/> and Coventry 1.</summary>
    private static AcceptedQuarter Quarter(string quarter, long offences) =>
        AcceptedQuarterBuilder.ForQuarter(quarter)
            .WithArea("E08000025", "Birmingham", offences, 0, 0)
            .WithArea("E08000026", "Coventry", 1, 0, 0)
            .Build();
}
