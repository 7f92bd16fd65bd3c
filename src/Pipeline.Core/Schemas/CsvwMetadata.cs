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
                CsvwColumns.Summary(dataset, SummaryColumns(dataset)), dataset.Disclosure?.Symbol);
            Table(writer, SeriesFileName(dataset), $"{dataset.Title}: every accepted quarter",
                $"GET /api/series?dataset={dataset.Id}&format=csv: one row per quarter and area, oldest first, then a Total row per quarter with an empty area_code.",
                CsvwColumns.Series(dataset), dataset.Disclosure?.Symbol);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <param name="writer">Where the table goes.</param>
    /// <param name="url">The CSV's file name.</param>
    /// <param name="title">The table's title.</param>
    /// <param name="description">What it holds.</param>
    /// <param name="columns">Its columns.</param>
    /// <param name="symbol">The dataset's symbol for a withheld value (docs/contract.md section 12), read as a null like an empty cell; none without a rule.</param>
    private static void Table(Utf8JsonWriter writer, string url, string title, string description, IEnumerable<CsvwColumn> columns, string? symbol)
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
        if (symbol is not null)
        {
            writer.WriteStartArray("null");
            writer.WriteStringValue(string.Empty);
            writer.WriteStringValue(symbol);
            writer.WriteEndArray();
        }

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
