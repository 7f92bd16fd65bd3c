using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Intervals;

namespace Pipeline.Core.Summaries;

public static partial class Headlines
{
    /// <summary>
    /// The sentence the dashboard puts after a rate's headline (docs/contract.md section 13): "This is a statistically
    /// significant rise.", "... fall." or "This is not a statistically significant change."; null for a count, or for a
    /// rate with no interval to judge by.
    /// </summary>
    public static string? Significance(MetricResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Intervals.Significance.Sentence(
            result.Rate?.Significance ?? result.PerPopulation?.Significance ?? ChangeSignificance.Unknown);
    }

    /// <summary>
    /// The headline sentences of <see cref="For"/>, each with the sentence the dashboard puts after it: for a rate, what
    /// its interval says of the change (<see cref="Significance"/>); for a count, none.
    /// </summary>
    public static IReadOnlyList<(string Sentence, string? Significance)> WithSignificance(DatasetDefinition dataset, Period period, IReadOnlyList<MetricResult> metrics)
    {
        var sentences = For(dataset, period, metrics);
        var results = dataset.Metrics
            .Select(m => metrics.FirstOrDefault(r => r.Id == m.Id))
            .OfType<MetricResult>()
            .Where(r => r.Count is not null || r.Rate is not null || r.PerPopulation is not null)
            .ToList();
        return [.. sentences.Select((sentence, i) => (sentence, Significance(results[i])))];
    }

    /// <summary>"Offences per 1,000 people aged 10 to 24".</summary>
    private static string PerPopulationTitle(DatasetDefinition dataset, DatasetPerPopulation perPopulation)
    {
        var people = dataset.Populations.TryGetValue(perPopulation.Population, out var table) ? table.Title.ToLowerInvariant() : "people";
        return $"{Field(dataset, perPopulation.Count).Title} per {N(perPopulation.Per)} {people}";
    }

    /// <summary>
    /// "Offences per 1,000 people aged 10 to 24 were 14.13 in 2024 (95% confidence interval 13.82 to 14.48), down 2.25
    /// from 16.38 in 2023 (16.01 to 16.76), using the population estimates of 2024 and 2023"; without a rate, why not.
    /// </summary>
    private static string PerPopulation(DatasetDefinition dataset, DatasetMetric metric, Period period, PopulationRateMetric rate)
    {
        var title = PerPopulationTitle(dataset, metric.PerPopulation!);
        if (Withheld.Is(rate.Current))
        {
            return $"{title}: withheld to protect confidentiality ({Withheld.SymbolOf(dataset)})";
        }

        if (rate.Current is not { } current)
        {
            return $"{title} cannot be given {PeriodLabels.In(period)}: {Unsentence(rate.Note ?? "there is no population for it.")}";
        }

        var now = $"{title} were {D(current)} {PeriodLabels.In(period)} ({Interval(rate.CurrentLower, rate.CurrentUpper, named: true)})";
        if (rate.Previous is not { } previous || rate.Change is not { } change || Withheld.Is(previous) || Withheld.Is(change))
        {
            return $"{now}, using the population estimate of {Year(rate.CurrentPopulationYear)}";
        }

        var moved = change == 0 ? "no change" : $"{(change < 0 ? "down" : "up")} {D(Math.Abs(change))}";
        return $"{now}, {moved} from {D(previous)} {PeriodLabels.In(period.Previous)} ({Interval(rate.PreviousLower, rate.PreviousUpper, named: false)}), " +
            $"using the population estimates of {Year(rate.CurrentPopulationYear)} and {Year(rate.PreviousPopulationYear)}";
    }

    private static string Interval(decimal? lower, decimal? upper, bool named) =>
        (named ? "95% confidence interval " : string.Empty) + $"{(lower is { } l ? D(l) : "unknown")} to {(upper is { } u ? D(u) : "unknown")}";

    private static string Year(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "no year";

    /// <summary>A note written as a sentence, fitted into one: its first letter lower-cased, its full stop dropped (the page adds one).</summary>
    private static string Unsentence(string note)
    {
        var text = note.TrimEnd('.');
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
