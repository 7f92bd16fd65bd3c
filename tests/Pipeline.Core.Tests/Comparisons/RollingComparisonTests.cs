using System.Text;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;
using Pipeline.Core.Summaries;
using static Pipeline.Core.Tests.Comparisons.CountMetricTests;

namespace Pipeline.Core.Tests.Comparisons;

/// <summary>Rolling comparisons (contract section 4, basis=rolling): only where all eight quarters are accepted.</summary>
public class RollingComparisonTests
{
    private static readonly DateTimeOffset ComputedAt = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<Area> TwoAreas = [new("E08000025", "Birmingham"), new("E08000026", "Coventry")];

    [Fact]
    public void The_seed_quarters_give_one_rolling_year_ending_December_2024_with_the_calendar_2024_figures()
    {
        var documents = Compute(SeedData.Quarters, SeedData.Areas);

        var rolling = Assert.Single(documents, d => d.Basis == YearBasis.Rolling);
        Assert.Equal("2024-Q4", rolling.Period.ToString());
        Assert.Equal("2023-Q4", rolling.PreviousPeriod.ToString());
        Assert.Equal(ComparisonStatus.Complete, rolling.Status);
        Assert.Equal(["-13.73", "-11.35", "7.12", "12.96", "10.44", "2.52"], new[]
        {
            rolling.Total.Offences.ChangePercent, rolling.Total.KnifeOffences.ChangePercent, rolling.Total.PositiveOutcomes.ChangePercent,
            rolling.Total.PositiveOutcomeRate.Current, rolling.Total.PositiveOutcomeRate.Previous, rolling.Total.PositiveOutcomeRate.ChangePoints,
        }.Select(Text));
        Assert.Equal((6621L, 7675L, 328L, 370L), (rolling.Total.Offences.Current, rolling.Total.Offences.Previous, rolling.Total.KnifeOffences.Current, rolling.Total.KnifeOffences.Previous));

        var calendar = Assert.Single(documents, d => d.Period == new Period(YearBasis.Calendar, 2024));
        Assert.Equal(calendar with { Period = rolling.Period }, rolling);
    }

    [Fact]
    public void Compares_a_rolling_year_across_a_year_boundary_from_the_eight_quarters_exact_figures()
    {
        var documents = Compute(EightQuartersEndingWith2024Q1());

        var rolling = Assert.Single(documents, d => d.Basis == YearBasis.Rolling);
        Assert.Equal("2024-Q1", rolling.Period.ToString());
        Assert.Equal("2023-Q1", rolling.PreviousPeriod.ToString());
        Assert.Equal(["2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"], rolling.Quarters.Select(q => q.ToString()));
        Assert.Equal(
            ["2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"],
            rolling.Sources.Select(s => s.Quarter.ToString()));

        // Worked by hand. Birmingham: offences 10+20+30+40 = 100 then 11+22+33+51 = 117; knife 1+2+3+4 = 10 then
        // 1+3+2+5 = 11; positive outcomes 2+3+4+5 = 14 then 2+3+6+9 = 20. Coventry: 1 offence a quarter, 4 and 4.
        // Total offences 104 -> 121: +17, 100 x 17 / 104 = 16.346.. -> 16.35. Knife 10 -> 11: +10.00.
        // Outcomes 14 -> 20: +6, 42.857.. -> 42.86. Rate 100 x 14 / 104 = 13.461.. -> 13.46; 100 x 20 / 121 =
        // 16.528.. -> 16.53; points 16.5289.. - 13.4615.. = 3.0673.. -> 3.07.
        var total = rolling.Total;
        Assert.Equal(new CountMetric(121, 104, 17, 16.35m), total.Offences);
        Assert.Equal(new CountMetric(11, 10, 1, 10.00m), total.KnifeOffences);
        Assert.Equal(new CountMetric(20, 14, 6, 42.86m), total.PositiveOutcomes);
        Assert.Equal(new RateMetric(16.53m, 13.46m, 3.07m), Figures(total.PositiveOutcomeRate));

        // Birmingham alone: 100 -> 117 (+17.00%); rate 14.00 -> 17.09 (20 / 117 = 17.094..), points 3.094.. -> 3.09.
        var birmingham = rolling.Areas[0];
        Assert.Equal("E08000025", birmingham.Code);
        Assert.Equal(new CountMetric(117, 100, 17, 17.00m), birmingham.Offences);
        Assert.Equal(new RateMetric(17.09m, 14.00m, 3.09m), Figures(birmingham.PositiveOutcomeRate));
    }

    [Theory]
    [InlineData("2022-Q2")] // the previous year's first quarter
    [InlineData("2022-Q4")] // the previous year's, across the boundary
    [InlineData("2023-Q1")] // the previous year's last
    [InlineData("2023-Q3")] // the current year's
    public void A_missing_quarter_among_the_eight_means_no_rolling_year(string missing)
    {
        var accepted = EightQuartersEndingWith2024Q1().Where(q => q.Quarter.ToString() != missing).ToList();

        var documents = Compute(accepted);

        Assert.DoesNotContain(documents, d => d.Basis == YearBasis.Rolling);
        Assert.Contains(documents, d => d.Basis == YearBasis.Calendar); // the other bases still compare what they can
    }

    [Fact]
    public void Every_quarter_with_eight_accepted_quarters_behind_it_has_a_rolling_year_and_the_latest_is_the_default()
    {
        var accepted = Enumerable.Range(0, 12).Select(i => Quarter(new Quarter(2022 + (i / 4), (i % 4) + 1).ToString(), 10 + i)).ToList();

        var rolling = Compute(accepted).Where(d => d.Basis == YearBasis.Rolling).ToList();

        Assert.Equal(["2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"], rolling.Select(d => d.Period.ToString()));
        Assert.All(rolling, d => Assert.Equal(ComparisonStatus.Complete, d.Status));
        Assert.Equal("2024-Q4", ComparisonCalculator.ChooseDefaultPeriod(YearBasis.Rolling, rolling)?.ToString());
    }

    [Fact]
    public void A_rolling_summary_reads_back_from_its_JSON_and_writes_its_period_in_the_CSV()
    {
        var rolling = Assert.Single(Compute(EightQuartersEndingWith2024Q1()), d => d.Basis == YearBasis.Rolling);

        var json = Encoding.UTF8.GetString(SummaryJson.ToUtf8Bytes(rolling));
        Assert.Contains("\"basis\": \"rolling\"", json, StringComparison.Ordinal);
        Assert.Contains("\"period\": \"2024-Q1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"previousPeriod\": \"2023-Q1\"", json, StringComparison.Ordinal);
        Assert.Equal(rolling, SummaryJson.Deserialize(Encoding.UTF8.GetBytes(json)));

        var csv = Encoding.UTF8.GetString(SummaryCsv.ToUtf8Bytes(rolling)).Split("\r\n");
        Assert.StartsWith("rolling,2024-Q1,2023-Q1,complete,,Total,121,104,17,16.35,", csv[^2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-Q3", null)]
    [InlineData("2024", "period")]
    [InlineData("2024/25", "period")]
    [InlineData("2024-q3", "period")]
    [InlineData("2024-Q5", "period")]
    public void The_summary_takes_a_quarter_for_a_rolling_period_and_names_period_otherwise(string period, string? parameter)
    {
        var ok = SummaryRequest.TryParse([new("basis", "rolling"), new("period", period)], out var request, out var problem);

        Assert.Equal(parameter is null, ok);
        Assert.Equal(parameter, problem?.Parameter);
        if (ok)
        {
            Assert.Equal(YearBasis.Rolling, request.Basis);
            Assert.Equal(period, request.Period?.ToString());
        }
        else
        {
            Assert.Equal($"Parameter 'period': '{period}' is not a rolling period. Use a quarter such as 2024-Q3, the last of the year's four.", problem!.Detail);
        }
    }

    /// <summary>2022-Q2..2024-Q1 for two areas, figures chosen so that every sum differs (see the worked figures above).</summary>
    private static List<AcceptedQuarter> EightQuartersEndingWith2024Q1()
    {
        (string Quarter, long Offences, long Knife, long Outcomes)[] birmingham =
        [
            ("2022-Q2", 10, 1, 2), ("2022-Q3", 20, 2, 3), ("2022-Q4", 30, 3, 4), ("2023-Q1", 40, 4, 5),
            ("2023-Q2", 11, 1, 2), ("2023-Q3", 22, 3, 3), ("2023-Q4", 33, 2, 6), ("2024-Q1", 51, 5, 9),
        ];
        return [.. birmingham.Select(b => AcceptedQuarterBuilder.ForQuarter(b.Quarter)
            .WithArea("E08000025", "Birmingham", b.Offences, b.Knife, b.Outcomes)
            .WithArea("E08000026", "Coventry", 1, 0, 0)
            .Build())];
    }

    private static IReadOnlyList<SummaryDocument> Compute(IReadOnlyList<AcceptedQuarter> accepted, IReadOnlyList<Area>? areas = null) =>
        ComparisonCalculator.ComputeAll(DatasetRegistry.BuiltIn.Default, accepted, areas ?? TwoAreas, ComputedAt);

    private static AcceptedQuarter Quarter(string quarter, long offences) =>
        AcceptedQuarterBuilder.ForQuarter(quarter)
            .WithArea("E08000025", "Birmingham", offences, 0, 0)
            .WithArea("E08000026", "Coventry", 1, 0, 0)
            .Build();

    /// <summary>A rate's three figures without its intervals, which the interval tests check (tests/Pipeline.Core.Tests/Intervals).</summary>
    private static RateMetric Figures(RateMetric? rate) => new(rate!.Current, rate.Previous, rate.ChangePoints);
}
