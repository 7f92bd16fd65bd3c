using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Tests.Summaries;

/// <summary>The dashboard's headline sentences, from the definitions that ship, for the contract's figures and the edges.</summary>
public sealed class HeadlinesTests
{
    private static readonly DatasetDefinition Violence = DatasetRegistry.BuiltIn.Default;

    private static DatasetDefinition Admissions => DatasetRegistry.BuiltIn.All.Single(d => d.Id == "violence-admissions");

    [Fact]
    public void The_seed_figures_read_as_the_contract_words_them()
    {
        var sentences = Headlines.For(Violence, new Period(YearBasis.Calendar, 2024), Seed(6621, 7675, 328, 370, 858, 801));

        Assert.Equal(
            [
                "Serious youth violence fell 13.73%, from 7,675 offences in 2023 to 6,621 in 2024",
                "Knife offences fell 11.35%, from 370 to 328",
                "Positive outcomes rose 7.12%, from 801 to 858",
                "858 offences had a positive outcome: a rate of 12.96%, up 2.52 percentage points",
            ],
            sentences);
    }

    [Fact]
    public void A_rolling_period_reads_as_the_year_ending_and_no_change_says_so()
    {
        var sentences = Headlines.For(Violence, Period.EndingWith(new Quarter(2024, 3)), Seed(500, 500, 20, 20, 50, 50));

        Assert.Equal(
            [
                "Serious youth violence showed no change, with 500 offences in the year ending September 2023 and 500 in the year ending September 2024",
                "Knife offences showed no change, at 20",
                "Positive outcomes showed no change, at 50",
                "50 offences had a positive outcome: a rate of 10.00%, no change",
            ],
            sentences);
    }

    [Fact]
    public void A_rise_from_nothing_has_no_percentage_and_a_rate_of_nothing_says_why()
    {
        Assert.Equal(
            [
                "Serious youth violence rose from 0 offences in 2023/24 to 12 in 2024/25",
                "Knife offences rose from 0 to 2",
                "Positive outcomes rose from 0 to 3",
                "3 offences had a positive outcome: a rate of 25.00%",
            ],
            Headlines.For(Violence, new Period(YearBasis.Financial, 2024), Seed(12, 0, 2, 0, 3, 0)));
        Assert.Equal(
            "There were no offences in 2024, so no positive outcomes as a percentage of offences",
            Headlines.For(Violence, new Period(YearBasis.Calendar, 2024), Seed(0, 10, 0, 1, 0, 1))[3]);
    }

    [Fact]
    public void The_second_dataset_reads_from_its_own_definition()
    {
        var metrics = new List<MetricResult>
        {
            new("admissions", CountMetric.Compute(1240, 1340), null),
            new("sharpObjectAdmissions", CountMetric.Compute(194, 234), null),
            new("sharpObjectShare", null, RateMetric.Compute(194, 1240, 234, 1340)),
        };

        Assert.Equal(
            [
                "Hospital admissions for assault fell 7.46%, from 1,340 admissions in 2023 to 1,240 in 2024",
                "Sharp object admissions fell 17.09%, from 234 to 194",
                "194 admissions were for assault by a sharp object: a rate of 15.65%, down 1.82 percentage points",
            ],
            Headlines.For(Admissions, new Period(YearBasis.Calendar, 2024), metrics));
    }

    [Fact]
    public void A_rate_without_a_sentence_reads_as_a_share_of_its_denominator()
    {
        var plain = Violence with { Metrics = [.. Violence.Metrics.Select(m => m with { Sentence = null })] };

        Assert.Equal(
            "Positive outcomes were 12.96% of offences, up 2.52 percentage points",
            Headlines.For(plain, new Period(YearBasis.Calendar, 2024), Seed(6621, 7675, 328, 370, 858, 801))[3]);
        Assert.Equal("Positive outcomes as a percentage of offences", Headlines.Title(plain, plain.Metrics[3]));
    }

    private static List<MetricResult> Seed(long offences, long offencesBefore, long knife, long knifeBefore, long outcomes, long outcomesBefore) =>
    [
        new("offences", CountMetric.Compute(offences, offencesBefore), null),
        new("knifeOffences", CountMetric.Compute(knife, knifeBefore), null),
        new("positiveOutcomes", CountMetric.Compute(outcomes, outcomesBefore), null),
        new("positiveOutcomeRate", null, RateMetric.Compute(outcomes, offences, outcomesBefore, offencesBefore)),
    ];
}
