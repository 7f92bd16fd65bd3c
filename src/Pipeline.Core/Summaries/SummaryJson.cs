using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;

namespace Pipeline.Core.Summaries;

/// <summary>
/// The summary document's JSON body: indented by two spaces, "\n" line ends, properties named and ordered as
/// docs/contract.md shows them (the metrics keyed by their ids in the dataset's order), nulls written, decimals with
/// their 2-decimal scale (<c>7.10</c>), ending with one "\n". The same document always gives the same bytes.
/// </summary>
public static class SummaryJson
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>Shared with <c>SeriesJson</c>, so the API's documents are written alike.</summary>
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Letters outside ASCII (area names such as "Ynys Môn") are written as themselves; the characters HTML gives
        // meaning to (< > & ' + `) are still escaped, so the body is safe even if someone pastes it into a page.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static void Write(IBufferWriter<byte> output, SummaryDocument document) => Write(output, document, null);

    /// <summary>
    /// Writes <paramref name="document"/>, calling <paramref name="areaWritten"/> with the writer once the <c>areas</c>
    /// array is opened (with -1) and after each area's entry (with its place), so a caller can cut the body as it is
    /// written (<see cref="Cut"/>).
    /// </summary>
    private static void Write(IBufferWriter<byte> output, SummaryDocument document, Action<Utf8JsonWriter, int>? areaWritten)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("dataset", document.Dataset);
            writer.WriteString("basis", document.Basis.ToWireName());
            writer.WriteString("period", document.Period.ToString());
            writer.WriteString("previousPeriod", document.PreviousPeriod.ToString());
            writer.WriteString("status", document.Status.ToWireName());
            writer.WriteStartArray("quarters");
            foreach (var quarter in document.Quarters)
            {
                writer.WriteStringValue(quarter.ToString());
            }

            writer.WriteEndArray();
            writer.WriteString("computedAt", document.ComputedAt);
            writer.WriteStartObject("total");
            WriteMetrics(writer, document.Total.Metrics);
            writer.WriteEndObject();
            writer.WriteStartArray("areas");
            areaWritten?.Invoke(writer, -1);
            for (var i = 0; i < document.Areas.Count; i++)
            {
                var area = document.Areas[i];
                writer.WriteStartObject();
                writer.WriteString("code", area.Code);
                writer.WriteString("name", area.Name);
                WriteMetrics(writer, area.Metrics);
                writer.WriteEndObject();
                areaWritten?.Invoke(writer, i);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("sources");
            foreach (var source in document.Sources)
            {
                writer.WriteStartObject();
                writer.WriteString("quarter", source.Quarter.ToString());
                writer.WriteString("file", source.File);
                writer.WriteString("sha256", source.Sha256);
                writer.WriteNumber("revision", source.Revision);
                if (source.AcceptedAt is { } acceptedAt)
                {
                    writer.WriteString("acceptedAt", acceptedAt);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    public static byte[] ToUtf8Bytes(SummaryDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(buffer, document);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The body cut as it is written into runs of <paramref name="areasPerPiece"/> areas, each keyed by its first area's
    /// code: byte for byte what <see cref="JsonPieces.Cut"/> gives for <see cref="ToUtf8Bytes"/> with <c>areas</c> and
    /// <c>code</c>, without the whole body in memory or read again to find where its areas end (a national recalculation
    /// cuts a hundred bodies of about 6 MB).
    /// </summary>
    public static PiecedDocument Cut(SummaryDocument document, int areasPerPiece)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(areasPerPiece, 1);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var pieces = new List<DocumentPiece>((document.Areas.Count / areasPerPiece) + 1);
        byte[] head = [];
        Write(buffer, document, (writer, i) =>
        {
            if (i < 0 || (i + 1) % areasPerPiece == 0 || i + 1 == document.Areas.Count)
            {
                writer.Flush();
                var taken = buffer.WrittenSpan.ToArray();
                buffer.ResetWrittenCount();
                if (i < 0)
                {
                    head = taken;
                }
                else
                {
                    pieces.Add(new DocumentPiece(document.Areas[i / areasPerPiece * areasPerPiece].Code, taken));
                }
            }
        });
        return new PiecedDocument(head, pieces, buffer.WrittenSpan.ToArray());
    }

    /// <exception cref="JsonException">The text is not a summary document.</exception>
    public static SummaryDocument Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var json = JsonDocument.ParseValue(ref reader);
        return SummaryJsonReader.Read(json.RootElement);
    }

    private static void WriteMetrics(Utf8JsonWriter writer, IReadOnlyList<MetricResult> metrics)
    {
        foreach (var metric in metrics)
        {
            writer.WriteStartObject(metric.Id);
            if (metric.Count is { } count)
            {
                WriteCount(writer, "current", count.Current);
                WriteCount(writer, "previous", count.Previous);
                WriteCount(writer, "change", count.Change);
                WriteNumberOrNull(writer, "changePercent", count.ChangePercent);
            }
            else if (metric.Rate is { } rate)
            {
                WriteNumberOrNull(writer, "current", rate.Current);
                WriteNumberOrNull(writer, "previous", rate.Previous);
                WriteNumberOrNull(writer, "changePoints", rate.ChangePoints);
                WriteNumberOrNull(writer, "currentLower", rate.CurrentLower);
                WriteNumberOrNull(writer, "currentUpper", rate.CurrentUpper);
                WriteNumberOrNull(writer, "previousLower", rate.PreviousLower);
                WriteNumberOrNull(writer, "previousUpper", rate.PreviousUpper);
                WriteNumberOrNull(writer, "changeLower", rate.ChangeLower);
                WriteNumberOrNull(writer, "changeUpper", rate.ChangeUpper);
            }
            else if (metric.PerPopulation is { } perPopulation)
            {
                WritePerPopulation(writer, perPopulation);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>A count, or for a withheld one (<see cref="Withheld"/>) <c>null</c> and <c>"&lt;name&gt;Suppressed": true</c>.</summary>
    internal static void WriteCount(Utf8JsonWriter writer, string name, long value)
    {
        if (Withheld.Is(value))
        {
            WriteSuppressed(writer, name);
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteSuppressed(Utf8JsonWriter writer, string name)
    {
        writer.WriteNull(name);
        writer.WriteBoolean(name + "Suppressed", true);
    }

    /// <summary>A rate per population (section 13): the rates, change and intervals, the years of the estimates, and a note only when there is one.</summary>
    private static void WritePerPopulation(Utf8JsonWriter writer, PopulationRateMetric metric)
    {
        WriteNumberOrNull(writer, "current", metric.Current);
        WriteNumberOrNull(writer, "previous", metric.Previous);
        WriteNumberOrNull(writer, "change", metric.Change);
        WriteNumberOrNull(writer, "currentLower", metric.CurrentLower);
        WriteNumberOrNull(writer, "currentUpper", metric.CurrentUpper);
        WriteNumberOrNull(writer, "previousLower", metric.PreviousLower);
        WriteNumberOrNull(writer, "previousUpper", metric.PreviousUpper);
        WriteNumberOrNull(writer, "currentPopulationYear", metric.CurrentPopulationYear);
        WriteNumberOrNull(writer, "previousPopulationYear", metric.PreviousPopulationYear);
        if (metric.Note is { } note)
        {
            writer.WriteString("note", note);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (Withheld.Is(value))
        {
            WriteSuppressed(writer, name);
        }
        else if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
