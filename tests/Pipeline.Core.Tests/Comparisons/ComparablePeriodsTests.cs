using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Tests.Comparisons;

/// <summary>The periods a list of quarters gives (what the dashboard offers) are exactly those the calculator computes.</summary>
public sealed class ComparablePeriodsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Name_the_periods_and_statuses_the_calculator_computes_for_any_quarters(int seed)
    {
        var random = new Random(seed);
        var quarters = Enumerable.Range(2019, 7).SelectMany(y => Enumerable.Range(1, 4).Select(n => new Quarter(y, n)))
            .Where(_ => random.NextDouble() < 0.7)
            .ToList();
        var accepted = quarters.Select(q => AcceptedQuarterBuilder.ForQuarter(q.ToString()).WithArea("E08000025", "Birmingham", 10, 1, 2).Build()).ToList();

        var computed = ComparisonCalculator.ComputeAll(DatasetRegistry.BuiltIn.Default, accepted, [], DateTimeOffset.UnixEpoch);

        foreach (var basis in YearBasisNames.All)
        {
            Assert.Equal(
                computed.Where(d => d.Basis == basis).Select(d => (d.Period, d.Status)),
                ComparablePeriods.Of(basis, quarters));
        }
    }

    [Fact]
    public void The_samples_give_calendar_2024_financial_2023_24_and_2024_25_and_rolling_2024_Q4()
    {
        var samples = Enumerable.Range(2023, 2).SelectMany(y => Enumerable.Range(1, 4).Select(n => new Quarter(y, n))).ToList();

        Assert.Equal([(new Period(YearBasis.Calendar, 2024), ComparisonStatus.Complete)], ComparablePeriods.Of(YearBasis.Calendar, samples));
        Assert.Equal(
            [(new Period(YearBasis.Financial, 2023), ComparisonStatus.YearToDate), (new Period(YearBasis.Financial, 2024), ComparisonStatus.YearToDate)],
            ComparablePeriods.Of(YearBasis.Financial, samples));
        Assert.Equal([(Period.EndingWith(new Quarter(2024, 4)), ComparisonStatus.Complete)], ComparablePeriods.Of(YearBasis.Rolling, samples));
    }
}
