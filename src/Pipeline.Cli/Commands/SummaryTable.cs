using System.Globalization;
using System.Text;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>summary --format table</c>: the summary document as a table for people, whatever the dataset's metrics. A title
/// line from the dataset's title; per count metric "previous -> current" and the change in per cent, per rate metric
/// "previous% -> current%" and the change in points, per rate per population "previous -> current", the change and this
/// period's 95% confidence interval; the areas, then the total; a line saying when and from what.
/// </summary>
internal static class SummaryTable
{
    private const string NotAvailable = "n/a";

    public static string Render(SummaryDocument document, DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(dataset);

        var metrics = document.Total.Metrics;
        var header = new List<string> { "Area" };
        for (var i = 0; i < metrics.Count; i++)
        {
            var title = TitleOf(metrics[i].Id, dataset);
            header.Add(i == 0 ? $"{title} {document.PreviousPeriod} -> {document.Period}" : title);
            header.Add(metrics[i].Rate is null ? "Change" : "Points");
            if (metrics[i].PerPopulation is not null)
            {
                header.Add($"95% CI {document.Period}");
            }
        }

        var symbol = Withheld.SymbolOf(dataset);
        var areas = document.Areas.Select(a => Row(a.Name, a.Metrics, symbol)).ToList();
        var total = Row("Total", metrics, symbol);
        List<List<string>> all = [header, .. areas, total];
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        var rule = string.Join("  ", widths.Select(w => new string('-', w)));

        var text = new StringBuilder();
        // A rolling period reads as the statistics print it: "rolling year ending December 2024 against year ending December 2023".
        text.Append(CultureInfo.InvariantCulture, $"{dataset.Title}: {document.Basis.ToWireName()} {PeriodLabels.Label(document.Period)} against {PeriodLabels.Label(document.PreviousPeriod)} ")
            .Append(CultureInfo.InvariantCulture, $"({document.Status.ToWireName()}; {string.Join(", ", document.Quarters)})\n\n");
        text.Append(Line(header, widths)).Append('\n').Append(rule).Append('\n');
        foreach (var area in areas)
        {
            text.Append(Line(area, widths)).Append('\n');
        }

        text.Append(rule).Append('\n').Append(Line(total, widths)).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Computed at {document.ComputedAt:yyyy-MM-dd'T'HH:mm:ssK} from {document.Sources.Count} accepted returns.\n");
        return text.ToString();
    }

    /// <summary>A count metric is titled as its field (<c>Knife offences</c>); a rate by its id in words (<c>Positive outcome rate</c>).</summary>
    private static string TitleOf(string metricId, DatasetDefinition dataset)
    {
        var metric = dataset.Metrics.FirstOrDefault(m => m.Id == metricId);
        if (metric?.Count is { } count && dataset.Fields.FirstOrDefault(f => f.Name == count) is { } field)
        {
            return field.Title;
        }

        if (metric?.PerPopulation is { } perPopulation && dataset.Fields.FirstOrDefault(f => f.Name == perPopulation.Count) is { } counted)
        {
            return $"{counted.Title} per {perPopulation.Per.ToString("N0", CultureInfo.InvariantCulture)}";
        }

        var words = new StringBuilder(metricId.Length + 4);
        foreach (var c in metricId)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }

    private static List<string> Row(string name, IReadOnlyList<MetricResult> metrics, string symbol)
    {
        var row = new List<string> { name };
        foreach (var metric in metrics)
        {
            if (metric.Count is { } count)
            {
                row.Add($"{Whole(count.Previous, symbol)} -> {Whole(count.Current, symbol)}");
                row.Add(Signed(count.ChangePercent, "%", symbol));
            }
            else if (metric.Rate is { } rate)
            {
                row.Add($"{Percent(rate.Previous, symbol)} -> {Percent(rate.Current, symbol)}");
                row.Add(Signed(rate.ChangePoints, string.Empty, symbol));
            }
            else if (metric.PerPopulation is { } perPopulation)
            {
                row.Add($"{Plain(perPopulation.Previous, symbol)} -> {Plain(perPopulation.Current, symbol)}");
                row.Add(Signed(perPopulation.Change, string.Empty, symbol));
                row.Add(
                    Withheld.Is(perPopulation.CurrentLower) ? symbol
                    : perPopulation.CurrentLower is { } lower && perPopulation.CurrentUpper is { } upper ? $"{Plain(lower, symbol)} to {Plain(upper, symbol)}"
                    : NotAvailable);
            }
        }

        return row;
    }

    private static string Line(List<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd();

    private static string Whole(long n, string symbol) => Withheld.Is(n) ? symbol : n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Plain(decimal? n, string symbol) => Withheld.Is(n) ? symbol : n is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : NotAvailable;

    private static string Percent(decimal? n, string symbol) => Withheld.Is(n) ? symbol : n is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) + "%" : NotAvailable;

    private static string Signed(decimal? n, string unit, string symbol) => n switch
    {
        null => NotAvailable,
        _ when Withheld.Is(n) => symbol,
        > 0 => "+" + n.Value.ToString("0.00", CultureInfo.InvariantCulture) + unit,
        _ => n.Value.ToString("0.00", CultureInfo.InvariantCulture) + unit,
    };
}
