using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Summaries;

/// <summary>
/// The headline figures as sentences, from the dataset's definition and a comparison's metrics, as statistical releases
/// put them: the first count under the dataset's title ("Serious youth violence fell 13.73%, from 7,675 offences in 2023
/// to 6,621 in 2024"), every other count under its field's title ("Knife offences fell 11.35%, from 370 to 328"), and
/// each rate in its definition's words ("858 offences had a positive outcome: a rate of 12.96%, up 2.52 percentage
/// points"), and each rate per population with its interval and the years of the population estimates. Numbers are
/// the document's: counts with thousands separators, percentages and points as rounded there.
/// </summary>
public static partial class Headlines
{
    public static IReadOnlyList<string> For(DatasetDefinition dataset, Period period, IReadOnlyList<MetricResult> metrics)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(metrics);
        var sentences = new List<string>(dataset.Metrics.Count);
        var lead = true;
        foreach (var metric in dataset.Metrics)
        {
            // A document computed before a metric was added to the definition has no figure for it, and so no sentence.
            if (metrics.FirstOrDefault(r => r.Id == metric.Id) is not { } result)
            {
                continue;
            }

            if (result.Count is { } small && (Withheld.Is(small.Current) || Withheld.Is(small.Previous)))
            {
                sentences.Add($"{(lead ? dataset.Title : Field(dataset, metric.Count!).Title)}: withheld to protect confidentiality ({Withheld.SymbolOf(dataset)})");
                lead = false;
            }
            else if (result.Count is { } count)
            {
                sentences.Add(lead ? Lead(dataset, metric, period, count) : Other(Field(dataset, metric.Count!).Title, count));
                lead = false;
            }
            else if (result.Rate is { } rate)
            {
                sentences.Add(Rate(dataset, metric, period, rate, metrics));
            }
            else if (result.PerPopulation is { } perPopulation)
            {
                sentences.Add(PerPopulation(dataset, metric, period, perPopulation));
            }
        }

        return sentences;
    }

    /// <summary>How a metric is named in a heading: a count by its field's title, a rate as "X as a percentage of y".</summary>
    public static string Title(DatasetDefinition dataset, DatasetMetric metric)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Rate is { } rate
            ? $"{Field(dataset, rate.Numerator).Title} as a percentage of {Field(dataset, rate.Denominator).Title.ToLowerInvariant()}"
            : metric.PerPopulation is { } perPopulation ? PerPopulationTitle(dataset, perPopulation)
            : Field(dataset, metric.Count!).Title;
    }

    private static string Lead(DatasetDefinition dataset, DatasetMetric metric, Period period, CountMetric count)
    {
        var unit = Field(dataset, metric.Count!).Title.ToLowerInvariant();
        var from = PeriodLabels.In(period.Previous);
        var to = PeriodLabels.In(period);
        return count.Change == 0
            ? $"{dataset.Title} showed no change, with {N(count.Previous)} {unit} {from} and {N(count.Current)} {to}"
            : $"{dataset.Title} {Moved(count)} from {N(count.Previous)} {unit} {from} to {N(count.Current)} {to}";
    }

    private static string Other(string title, CountMetric count) =>
        count.Change == 0 ? $"{title} showed no change, at {N(count.Current)}" : $"{title} {Moved(count)} from {N(count.Previous)} to {N(count.Current)}";

    /// <summary>"fell 13.73%," or "rose 7.12%,", or "rose" alone when the previous count was 0 (no percentage).</summary>
    private static string Moved(CountMetric count) =>
        (count.Change < 0 ? "fell" : "rose") + (count.ChangePercent is { } percent ? $" {D(Math.Abs(percent))}%," : string.Empty);

    /// <summary>
    /// With the definition's <see cref="DatasetMetric.Sentence"/> and a count of the numerator's field among the metrics:
    /// "858 offences had a positive outcome: a rate of 12.96%, up 2.52 percentage points"; otherwise "Positive outcomes
    /// were 12.96% of offences, up 2.52 percentage points".
    /// </summary>
    private static string Rate(DatasetDefinition dataset, DatasetMetric metric, Period period, RateMetric rate, IReadOnlyList<MetricResult> metrics)
    {
        var numerator = Field(dataset, metric.Rate!.Numerator);
        var denominator = Field(dataset, metric.Rate.Denominator);
        if (Withheld.Is(rate.Current))
        {
            return $"{Title(dataset, metric)}: withheld to protect confidentiality ({Withheld.SymbolOf(dataset)})";
        }

        if (rate.Current is not { } current)
        {
            return $"There were no {denominator.Title.ToLowerInvariant()} {PeriodLabels.In(period)}, so no {Title(dataset, metric).ToLowerInvariant()}";
        }

        var change = rate.ChangePoints switch
        {
            null => string.Empty,
            var withheld when Withheld.Is(withheld) => string.Empty,
            0m => ", no change",
            var points => $", {(points < 0 ? "down" : "up")} {D(Math.Abs(points.Value))} percentage points",
        };
        var counted = dataset.Metrics.FirstOrDefault(m => m.Count == numerator.Name) is { } m ? metrics.Get(m.Id).Count : null;
        return metric.Sentence is { } sentence && counted is not null
            ? $"{N(counted.Current)} {denominator.Title.ToLowerInvariant()} {sentence}: a rate of {D(current)}%{change}"
            : $"{numerator.Title} were {D(current)}% of {denominator.Title.ToLowerInvariant()}{change}";
    }

    private static DatasetField Field(DatasetDefinition dataset, string name) => dataset.Fields[dataset.IndexOf(name)];

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string D(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
