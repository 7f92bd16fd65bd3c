using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Tests.Summaries;

/// <summary>Small hand-made documents whose every figure is known.</summary>
internal static class SummaryDocuments
{
    /// <summary>
    /// Financial 2024/25, one quarter compared, two areas: Coventry had no offences last year (null percent and rate),
    /// Birmingham's change is 7.10 (a trailing zero to keep).
    /// </summary>
    public static SummaryDocument Small() => new(
        "serious-youth-violence",
        new Period(YearBasis.Financial, 2024),
        [new Quarter(2024, 2)],
        new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero),
        new TotalComparison(Metrics(
            CountMetric.Compute(1141, 1000),
            CountMetric.Compute(3, 2),
            CountMetric.Compute(20, 25),
            RateMetric.Compute(20, 1141, 25, 1000))),
        [
            new AreaComparison(
                "E08000025",
                "Birmingham",
                Metrics(
                    CountMetric.Compute(1071, 1000),
                    CountMetric.Compute(3, 2),
                    CountMetric.Compute(20, 25),
                    RateMetric.Compute(20, 1071, 25, 1000))),
            new AreaComparison(
                "E08000026",
                "Coventry",
                Metrics(
                    CountMetric.Compute(70, 0),
                    CountMetric.Compute(0, 0),
                    CountMetric.Compute(0, 0),
                    RateMetric.Compute(0, 70, 0, 0))),
        ],
        [
            new SummarySource(new Quarter(2023, 2), "returns/2023-Q2.csv", "aa11", 1, new DateTimeOffset(2023, 7, 14, 9, 30, 0, TimeSpan.Zero)),
            new SummarySource(new Quarter(2024, 2), "returns/2024-Q2.csv", "bb22", 3, new DateTimeOffset(2024, 9, 2, 16, 5, 7, TimeSpan.Zero)),
        ]);

    /// <summary>The default dataset's four metrics, in its order.</summary>
    public static IReadOnlyList<MetricResult> Metrics(CountMetric offences, CountMetric knifeOffences, CountMetric positiveOutcomes, RateMetric rate) =>
    [
        new("offences", offences, null),
        new("knifeOffences", knifeOffences, null),
        new("positiveOutcomes", positiveOutcomes, null),
        new("positiveOutcomeRate", null, rate),
    ];

    public static SummaryDocument WithAreaName(string name)
    {
        var small = Small();
        return small with { Areas = [small.Areas[0] with { Name = name }] };
    }
}
