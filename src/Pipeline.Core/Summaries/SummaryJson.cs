using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Pipeline.Core.Summaries;

/// <summary>
/// The summary document's JSON body: indented by two spaces, "\n" line ends, properties named and ordered as the
/// contract shows them, nulls written, decimals with their 2-decimal scale (<c>7.10</c>), ending with one "\n".
/// The same document always gives the same bytes.
/// </summary>
public static class SummaryJson
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Letters outside ASCII (area names such as "Ynys Môn") are written as themselves; the characters HTML gives
        // meaning to (< > & ' + `) are still escaped, so the body is safe even if someone pastes it into a page.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static void Write(IBufferWriter<byte> output, SummaryDocument document)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            JsonSerializer.Serialize(writer, document, SummaryJsonContext.Default.SummaryDocument);
        }

        output.Write("\n"u8);
    }

    public static byte[] ToUtf8Bytes(SummaryDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(buffer, document);
        return buffer.WrittenSpan.ToArray();
    }

    public static string Serialize(SummaryDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(buffer, document);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static async Task WriteAsync(Stream output, SummaryDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(buffer, document);
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    /// <exception cref="JsonException">The text is not a summary document.</exception>
    public static SummaryDocument Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, SummaryJsonContext.Default.SummaryDocument)
        ?? throw new JsonException("The JSON is null, not a summary document.");

    /// <inheritdoc cref="Deserialize(ReadOnlySpan{byte})"/>
    public static SummaryDocument Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, SummaryJsonContext.Default.SummaryDocument)
            ?? throw new JsonException("The JSON is null, not a summary document.");
    }

    /// <inheritdoc cref="Deserialize(ReadOnlySpan{byte})"/>
    public static async Task<SummaryDocument> DeserializeAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return await JsonSerializer.DeserializeAsync(utf8Json, SummaryJsonContext.Default.SummaryDocument, cancellationToken)
            ?? throw new JsonException("The JSON is null, not a summary document.");
    }
}
