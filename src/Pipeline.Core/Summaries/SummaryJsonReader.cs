using System.Globalization;
using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Summaries;

/// <summary>
/// Reads a summary document back from its JSON (stored documents, tests); a metric with <c>currentPopulationYear</c> is a
/// rate per population, one with <c>changePoints</c> a rate, any other a count.
/// </summary>
internal static class SummaryJsonReader
{
    private static readonly HashSet<string> AreaProperties = ["code", "name"];

    public static SummaryDocument Read(JsonElement root)
    {
        try
        {
            var basis = YearBasisNames.TryParse(Text(root, "basis"), out var b) ? b : throw Bad("basis");
            var periodText = Text(root, "period");
            if (!Period.TryParse(basis, periodText, out var period) || period.ToString() != periodText)
            {
                throw Bad("period"); // Written in its display form only: 2024 or 2024/25.
            }

            var quarters = root.GetProperty("quarters").EnumerateArray().Select(q => ParseQuarter(q.GetString())).ToList();
            var computedAt = DateTimeOffset.Parse(Text(root, "computedAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var total = new TotalComparison(Metrics(root.GetProperty("total"), skip: null));
            var areas = root.GetProperty("areas").EnumerateArray()
                .Select(a => new AreaComparison(Text(a, "code"), Text(a, "name"), Metrics(a, AreaProperties)))
                .ToList();
            var sources = root.GetProperty("sources").EnumerateArray()
                .Select(s => new SummarySource(
                    ParseQuarter(Text(s, "quarter")),
                    Text(s, "file"),
                    Text(s, "sha256"),
                    s.TryGetProperty("revision", out var revision) ? revision.GetInt32() : 1,
                    s.TryGetProperty("acceptedAt", out var accepted) ? DateTimeOffset.Parse(accepted.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null))
                .ToList();
            return new SummaryDocument(Text(root, "dataset"), period, quarters, computedAt, total, areas, sources);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new JsonException($"Not a summary document: {e.Message}", e);
        }
    }

    private static List<MetricResult> Metrics(JsonElement owner, HashSet<string>? skip)
    {
        var metrics = new List<MetricResult>();
        foreach (var property in owner.EnumerateObject())
        {
            if (skip?.Contains(property.Name) == true)
            {
                continue;
            }

            var value = property.Value;
            if (value.TryGetProperty("currentPopulationYear", out _))
            {
                metrics.Add(new MetricResult(property.Name, null, null, PerPopulation(value)));
                continue;
            }

            metrics.Add(value.TryGetProperty("changePoints", out _)
                ? new MetricResult(property.Name, null, Rate(value))
                : new MetricResult(
                    property.Name,
                    new CountMetric(Count(value, "current"), Count(value, "previous"), Count(value, "change"), Decimal(value, "changePercent")),
                    null));
        }

        return metrics;
    }

    /// <summary>A rate; a document stored before the intervals were published has none, and reads back with null bounds.</summary>
    private static RateMetric Rate(JsonElement value) => new(
        Decimal(value, "current"),
        Decimal(value, "previous"),
        Decimal(value, "changePoints"),
        Optional(value, "currentLower"),
        Optional(value, "currentUpper"),
        Optional(value, "previousLower"),
        Optional(value, "previousUpper"),
        Optional(value, "changeLower"),
        Optional(value, "changeUpper"));

    private static PopulationRateMetric PerPopulation(JsonElement value) => new(
        Decimal(value, "current"),
        Decimal(value, "previous"),
        Decimal(value, "change"),
        Decimal(value, "currentLower"),
        Decimal(value, "currentUpper"),
        Decimal(value, "previousLower"),
        Decimal(value, "previousUpper"),
        Year(value, "currentPopulationYear"),
        Year(value, "previousPopulationYear"),
        value.TryGetProperty("note", out var note) ? note.GetString() : null);

    private static decimal? Optional(JsonElement owner, string name) => owner.TryGetProperty(name, out _) ? Decimal(owner, name) : null;

    private static int? Year(JsonElement owner, string name) =>
        owner.GetProperty(name) is { ValueKind: JsonValueKind.Null } ? null : owner.GetProperty(name).GetInt32();

    /// <summary>A figure, null, or <see cref="Withheld.Percentage"/> where the document withholds it.</summary>
    private static decimal? Decimal(JsonElement owner, string name) => IsSuppressed(owner, name) ? Withheld.Percentage : Decimal(owner.GetProperty(name));

    private static decimal? Decimal(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();

    /// <summary>A count, or <see cref="Withheld.Count"/> where the document withholds it.</summary>
    internal static long Count(JsonElement owner, string name) => IsSuppressed(owner, name) ? Withheld.Count : owner.GetProperty(name).GetInt64();

    private static bool IsSuppressed(JsonElement owner, string name) =>
        owner.TryGetProperty(name + "Suppressed", out var flag) && flag.ValueKind == JsonValueKind.True;

    private static string Text(JsonElement owner, string name) => owner.GetProperty(name).GetString() ?? throw Bad(name);

    private static Quarter ParseQuarter(string? text) => Quarter.TryParse(text, out var quarter) ? quarter : throw Bad("quarter");

    private static JsonException Bad(string name) => new($"'{name}' is missing or malformed.");
}
