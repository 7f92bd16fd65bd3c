using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Disclosure;
using Pipeline.Core.Returns;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;

namespace Pipeline.Testing.Disclosure;

/// <summary>
/// A dataset's public documents made by the app's own pure path (the comparisons and the series of every accepted
/// quarter, each put through the disclosure step and written as JSON), for tests that need many datasets quickly; the
/// samples are also checked as served, through storage and the API.
/// </summary>
public static class ProtectedDocuments
{
    private static readonly DateTimeOffset ComputedAt = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Every summary and the series, as the recalculation would store them.</summary>
    /// <param name="dataset">The dataset and its rule.</param>
    /// <param name="accepted">The accepted quarters.</param>
    /// <param name="secondary">False to switch secondary suppression off (primary alone), to show the checker failing.</param>
    public static (List<byte[]> Summaries, byte[] Series) Of(DatasetDefinition dataset, IReadOnlyList<AcceptedQuarter> accepted, bool secondary = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var control = DisclosureControl.Decide(dataset, accepted, secondary);
        var summaries = ComparisonCalculator.ComputeAll(dataset, accepted, [], ComputedAt)
            .Select(d => SummaryJson.ToUtf8Bytes(control?.Protect(d) ?? d)).ToList();
        var series = SeriesCalculator.Compute(dataset, accepted, []);
        return (summaries, SeriesJson.ToUtf8Bytes(control?.Protect(series) ?? series));
    }

    /// <summary>What the checker reads of them.</summary>
    public static PublicFigures Public(DatasetDefinition dataset, IReadOnlyList<AcceptedQuarter> accepted, bool secondary = true)
    {
        var (summaries, series) = Of(dataset, accepted, secondary);
        return new PublicFigures(dataset, series, summaries, null);
    }

    /// <summary>
    /// Accepted quarters from rows of <c>quarter, area code, counts...</c>: one return per quarter, the areas named by
    /// their codes.
    /// </summary>
    public static List<AcceptedQuarter> Accepted(string dataset, IEnumerable<(string Quarter, string Area, long[] Counts)> rows) =>
        [.. rows.GroupBy(r => r.Quarter).Select(g => new AcceptedQuarter(
            Quarter.Parse(g.Key),
            $"{dataset}/{g.Key}.csv",
            new string('0', 64),
            ComputedAt,
            ComputedAt,
            [.. g.OrderBy(r => r.Area, StringComparer.Ordinal).Select(r => new AreaFigures(r.Area, r.Area, r.Counts))],
            dataset))];

    /// <summary>The accepted quarters of the sample returns in <c>samples/&lt;dataset&gt;</c>.</summary>
    public static List<AcceptedQuarter> Samples(DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var rows = new List<(string, string, long[])>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "samples", dataset.Id), "*.csv").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToList();
            var header = lines[0].Split(',');
            foreach (var cells in lines.Skip(1).Select(l => l.Split(',')))
            {
                rows.Add((cells[0], cells[1], [.. dataset.Fields.Select(f => long.Parse(cells[Array.IndexOf(header, f.Name)], CultureInfo.InvariantCulture))]));
            }
        }

        return Accepted(dataset.Id, rows);
    }
}
