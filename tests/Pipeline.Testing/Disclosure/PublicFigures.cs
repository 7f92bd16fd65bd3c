using System.Text.Json;
using Pipeline.Core.Datasets;

namespace Pipeline.Testing.Disclosure;

/// <summary>
/// Everything a dataset publishes, read from its public JSON as any reader would (no code of the app's): each number or
/// withheld value, as a sum of the dataset's cells (quarter, area code, field). A summary's current figure of an area is
/// the sum over its <c>quarters</c>, the previous one over the same quarters a year earlier; a total is the sum over
/// every area the series has; the latest revision's current totals are the quarter's totals. Two releases' figures can
/// be read together (PublicFigures.Releases.cs): a quarter a later release corrected is then two sets of cells.
/// </summary>
public sealed partial class PublicFigures
{
    private readonly DatasetDefinition _dataset;
    private readonly Func<string, string> _cellQuarter;

    /// <param name="dataset">The dataset.</param>
    /// <param name="series">Its published series.</param>
    /// <param name="summaries">Its published summaries.</param>
    /// <param name="revisions">Its published revision log, if read.</param>
    /// <param name="cellQuarter">
    /// The name the cells of a quarter have (by default the quarter): a release's version of a quarter that a later
    /// release replaced is other cells than the later version, so is named apart (<see cref="Version"/>).
    /// </param>
    public PublicFigures(DatasetDefinition dataset, byte[] series, IEnumerable<byte[]> summaries, byte[]? revisions, Func<string, string>? cellQuarter = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(summaries);
        _dataset = dataset;
        _cellQuarter = cellQuarter ?? (q => q);
        using (var json = JsonDocument.Parse(series))
        {
            foreach (var quarter in json.RootElement.GetProperty("quarters").EnumerateArray())
            {
                var q = _cellQuarter(quarter.GetProperty("quarter").GetString()!);
                var codes = new List<string>();
                foreach (var area in quarter.GetProperty("areas").EnumerateArray())
                {
                    var code = area.GetProperty("code").GetString()!;
                    codes.Add(code);
                    foreach (var field in dataset.Fields)
                    {
                        Add($"series {q} {code} {field.Name}", field.Name, [(q, code)], area, field.Name);
                    }
                }

                AreasOf[q] = codes;
                foreach (var field in dataset.Fields)
                {
                    Add($"series {q} total {field.Name}", field.Name, [.. codes.Select(c => (q, c))], quarter.GetProperty("total"), field.Name);
                }
            }
        }

        foreach (var summary in summaries)
        {
            ReadSummary(summary);
        }

        if (revisions is not null)
        {
            ReadRevisions(revisions);
        }
    }

    /// <summary>Every published or withheld figure in the order read; the same sum may be read many times.</summary>
    public List<PublicFigure> Figures { get; } = [];

    /// <summary>Problems seen while reading: a derived figure published on a withheld count, a changed figure out of place.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Each published change with the two published counts it is the difference of.</summary>
    public List<(PublicFigure Current, PublicFigure Previous, long Change)> Changes { get; } = [];

    /// <summary>The areas of each quarter, as the series lists them.</summary>
    public Dictionary<string, List<string>> AreasOf { get; } = new(StringComparer.Ordinal);

    private void ReadSummary(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var label = $"{root.GetProperty("basis").GetString()} {root.GetProperty("period").GetString()}";
        var current = root.GetProperty("quarters").EnumerateArray().Select(q => q.GetString()!).ToList();
        var previous = current.Select(YearEarlier).ToList();
        var owners = root.GetProperty("areas").EnumerateArray().Select(a => (a.GetProperty("code").GetString(), a)).Append((null, root.GetProperty("total")));
        foreach (var (code, owner) in owners)
        {
            foreach (var metric in _dataset.Metrics)
            {
                var value = owner.GetProperty(metric.Id);
                if (metric.Count is { } field)
                {
                    var c = Add($"{label} {code ?? "total"} {metric.Id} current", field, Cells(current, code), value, "current");
                    var p = Add($"{label} {code ?? "total"} {metric.Id} previous", field, Cells(previous, code), value, "previous");
                    Derived($"{label} {code} {metric.Id}", value, c.Withheld || p.Withheld, "change", "changePercent");
                    if (!c.Withheld && !p.Withheld)
                    {
                        Changes.Add((c, p, value.GetProperty("change").GetInt64()));
                    }
                }
                else
                {
                    var rate = metric.Rate!;
                    Derived($"{label} {code} {metric.Id}", value, Withheld(current, code, rate) , "current");
                    Derived($"{label} {code} {metric.Id}", value, Withheld(previous, code, rate), "previous");
                    Derived($"{label} {code} {metric.Id}", value, Withheld(current, code, rate) || Withheld(previous, code, rate), "changePoints");
                }
            }
        }
    }

    private void ReadRevisions(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var latest = new HashSet<string>(StringComparer.Ordinal);
        foreach (var revision in json.RootElement.EnumerateArray().OrderByDescending(r => r.GetProperty("revision").GetInt32()))
        {
            var q = _cellQuarter(revision.GetProperty("quarter").GetString()!);
            if (latest.Add(q) && AreasOf.TryGetValue(q, out var codes))
            {
                foreach (var field in _dataset.Fields)
                {
                    Add($"revision {q} {field.Name}", field.Name, [.. codes.Select(c => (q, c))], revision.GetProperty("totals").GetProperty(field.Name), "current");
                }
            }
        }
    }

    /// <summary>Whether a rate's numerator or denominator over these quarters is withheld where it is published as a count.</summary>
    private bool Withheld(List<string> quarters, string? code, DatasetRate rate) =>
        Figures.Any(f => f.Withheld && (f.Field == rate.Numerator || f.Field == rate.Denominator) && f.Cells.SetEquals(Cells(quarters, code)));

    private HashSet<(string Quarter, string Area)> Cells(List<string> quarters, string? code) =>
        [.. quarters.Select(_cellQuarter).SelectMany(q => code is null ? (AreasOf.TryGetValue(q, out var all) ? all : []).Select(c => (q, c)) : [(q, code)])];

    private void Derived(string label, JsonElement owner, bool mustBeWithheld, params string[] keys)
    {
        foreach (var key in keys)
        {
            var suppressed = owner.TryGetProperty(key + "Suppressed", out var flag) && flag.GetBoolean();
            if (mustBeWithheld && !suppressed)
            {
                Problems.Add($"{label}: {key} is published although a count it is worked from is withheld.");
            }
        }
    }

    private PublicFigure Add(string label, string field, HashSet<(string, string)> cells, JsonElement owner, string key)
    {
        var suppressed = owner.TryGetProperty(key + "Suppressed", out var flag) && flag.GetBoolean();
        var value = owner.GetProperty(key);
        if (suppressed != (value.ValueKind == JsonValueKind.Null))
        {
            Problems.Add($"{label}: a withheld value must be null with {key}Suppressed true, and only then.");
        }

        var figure = new PublicFigure(label, field, cells, suppressed, suppressed ? null : value.GetInt64());
        Figures.Add(figure);
        return figure;
    }

    private static string YearEarlier(string quarter) => $"{int.Parse(quarter[..4], System.Globalization.CultureInfo.InvariantCulture) - 1:D4}{quarter[4..]}";
}

/// <summary>One figure as published: a sum of cells of one field, withheld or with its published (rounded) value.</summary>
public sealed record PublicFigure(string Label, string Field, HashSet<(string Quarter, string Area)> Cells, bool Withheld, long? Published)
{
    /// <summary>Its exact value, filled in by the checker from the accepted figures.</summary>
    public long Truth { get; set; }
}
