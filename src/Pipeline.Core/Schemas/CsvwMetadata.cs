using System.Text.Json;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Schemas;

/// <summary>
/// A CSV on the Web metadata document (W3C, https://www.w3.org/TR/tabular-metadata/; the csv-metadata.json convention
/// ONS uses) describing a dataset's two CSVs: the summary (<c>GET /api/summary?format=csv</c>, the columns exactly as
/// <see cref="SummaryCsv"/> writes them) and the series (<c>GET /api/series?format=csv</c>: the quarter, the area and the
/// dataset's fields by their column names). Each column has its title, a description, a datatype and its unit
/// (<c>schema:unitText</c>). The tables' <c>url</c>s are file names: save each CSV under that name beside this document.
/// </summary>
public static class CsvwMetadata
{
    public const string ContentType = "application/csvm+json; charset=utf-8";

    public static string SummaryFileName(DatasetDefinition dataset) => $"{Id(dataset)}-summary.csv";

    public static string SeriesFileName(DatasetDefinition dataset) => $"{Id(dataset)}-series.csv";

    /// <summary>The summary CSV's header for <paramref name="dataset"/>, exactly as <see cref="SummaryCsv"/> writes it.</summary>
    public static IReadOnlyList<string> SummaryColumns(DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return SummaryCsv.ColumnsFor([.. dataset.Metrics.Select(m => m.Rate is not null
            ? new MetricResult(m.Id, null, RateMetric.Compute(0, 0, 0, 0))
            : m.PerPopulation is not null
                ? new MetricResult(m.Id, null, null, PopulationRateMetric.Compute(null, null, m.PerPopulation.Per, PopulationPair.None(string.Empty)))
                : new MetricResult(m.Id, CountMetric.Compute(0, 0), null))]);
    }

    public static byte[] Generate(DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return SchemaJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@context", "http://www.w3.org/ns/csvw");
            writer.WriteString("dc:title", dataset.Title);
            writer.WriteString("dc:description", (dataset.Description ?? dataset.Title) + " Generated from the dataset definition datasets/" + dataset.Id + ".json; the method is in docs/method.md.");
            writer.WriteStartArray("tables");
            Table(writer, SummaryFileName(dataset), $"{dataset.Title}: the annual comparison",
                $"GET /api/summary?dataset={dataset.Id}&format=csv: one row per area, then a Total row with an empty area_code. Counts are whole numbers; percentages, rates and points are rounded once to 2 decimals; an empty cell is none (a percentage change from 0, a rate of 0 offences).",
                CsvwColumns.Summary(dataset, SummaryColumns(dataset)));
            Table(writer, SeriesFileName(dataset), $"{dataset.Title}: every accepted quarter",
                $"GET /api/series?dataset={dataset.Id}&format=csv: one row per quarter and area, oldest first, then a Total row per quarter with an empty area_code.",
                CsvwColumns.Series(dataset));
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static void Table(Utf8JsonWriter writer, string url, string title, string description, IEnumerable<CsvwColumn> columns)
    {
        writer.WriteStartObject();
        writer.WriteString("url", url);
        writer.WriteString("dc:title", title);
        writer.WriteString("dc:description", description);
        writer.WriteStartObject("dialect");
        writer.WriteString("encoding", "utf-8");
        writer.WriteBoolean("header", true);
        writer.WriteEndObject();
        writer.WriteStartObject("tableSchema");
        writer.WriteStartArray("columns");
        foreach (var column in columns)
        {
            column.Write(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string Id(DatasetDefinition dataset) => dataset.Id;
}
