using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Testing;

/// <summary>
/// The default dataset's figures by name, for tests that speak of offences rather than of counts[0]: the engine is
/// generic, and these read it as serious-youth-violence.json defines it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming", "CA1708", Justification = "The analyzer reads the extension blocks' same-named members (one per extended type) as one type's.")]
public static class DefaultDataset
{
    /// <summary>quarter, area_code, area_name, offences, knife_offences, positive_outcomes.</summary>
    public static IReadOnlyList<string> Columns => DatasetRegistry.BuiltIn.Default.Columns;

    extension(AreaFigures figures)
    {
        public long Offences => figures.Counts[0];

        public long KnifeOffences => figures.Counts[1];

        public long PositiveOutcomes => figures.Counts[2];
    }

    extension(AreaComparison area)
    {
        public CountMetric Offences => area.Metrics.Get("offences").Count!;

        public CountMetric KnifeOffences => area.Metrics.Get("knifeOffences").Count!;

        public CountMetric PositiveOutcomes => area.Metrics.Get("positiveOutcomes").Count!;

        public RateMetric PositiveOutcomeRate => area.Metrics.Get("positiveOutcomeRate").Rate!;
    }

    extension(TotalComparison total)
    {
        public CountMetric Offences => total.Metrics.Get("offences").Count!;

        public CountMetric KnifeOffences => total.Metrics.Get("knifeOffences").Count!;

        public CountMetric PositiveOutcomes => total.Metrics.Get("positiveOutcomes").Count!;

        public RateMetric PositiveOutcomeRate => total.Metrics.Get("positiveOutcomeRate").Rate!;
    }
}
