using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Pipeline.Core.Spreadsheets;

/// <summary>
/// Writes an OpenDocument spreadsheet (ODF 1.3) as a stream, the format's rules in one place: the zip's first entry is
/// <c>mimetype</c>, stored uncompressed with no extra field, so that its bytes sit at offset 38 for tools that sniff it;
/// then <c>META-INF/manifest.xml</c> listing every part, <c>content.xml</c> (the sheets, written row by row as they are
/// produced), <c>styles.xml</c> and <c>meta.xml</c>. The sheets must follow the guidance for accessible spreadsheets
/// (docs/contract.md section 14): names under 31 characters, unique and without the characters spreadsheets refuse; a
/// title in A1; one header row; one cell per column on every row, none blank. A sheet that breaks one is refused here,
/// before any byte of it is written. The output is written to asynchronously only, in pieces of about 64 KB, so the
/// package of a national series is never held whole.
/// </summary>
public static class OdsPackage
{
    public const string MediaType = "application/vnd.oasis.opendocument.spreadsheet";

    /// <summary>The longest sheet name the guidance allows ("under 31 characters").</summary>
    public const int MaxSheetName = 30;

    internal static readonly string[] Parts = ["content.xml", "styles.xml", "meta.xml"];

    private const int RowsPerDrain = 200;

    private const string Refused = "[]*?/\\:'";

    private static readonly SearchValues<char> RefusedInNames = SearchValues.Create(Refused);

    /// <summary>Writes the package of <paramref name="sheets"/>, in order, to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">A sheet breaks a rule of the guidance.</exception>
    public static async Task WriteAsync(Stream output, WorkbookProperties properties, IReadOnlyList<Sheet> sheets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(sheets);
        CheckNames(sheets);
        var sink = new DrainingStream();
        // Every write reaches the sink; only DrainAsync writes to the output, asynchronously (a response body refuses
        // synchronous writes, and a zip entry's stream makes them).
        using (var zip = new ZipArchive(sink, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            var stamp = properties.Created?.ToUniversalTime() ?? new DateTimeOffset(1980, 1, 2, 0, 0, 0, TimeSpan.Zero);
            Entry(zip, "mimetype", stamp, CompressionLevel.NoCompression, s => s.Write(Encoding.ASCII.GetBytes(MediaType)));
            Entry(zip, "META-INF/manifest.xml", stamp, CompressionLevel.Optimal, s => OdsXml.Manifest(s));
            await sink.DrainAsync(output, cancellationToken);

            var content = zip.CreateEntry("content.xml", CompressionLevel.Optimal);
            content.LastWriteTime = stamp;
            using (var stream = content.Open())
            using (var xml = XmlWriter.Create(stream, OdsXml.Settings))
            {
                OdsXml.StartContent(xml, sheets);
                foreach (var sheet in sheets)
                {
                    OdsXml.StartSheet(xml, sheet);
                    var rows = 0;
                    await foreach (var row in sheet.Rows(cancellationToken).WithCancellation(cancellationToken))
                    {
                        OdsXml.Row(xml, sheet, row);
                        if (++rows % RowsPerDrain == 0)
                        {
                            xml.Flush();
                            await sink.DrainAsync(output, cancellationToken);
                        }
                    }

                    xml.WriteEndElement(); // table:table
                }

                OdsXml.EndContent(xml);
            }

            await sink.DrainAsync(output, cancellationToken);
            Entry(zip, "styles.xml", stamp, CompressionLevel.Optimal, s => OdsXml.Styles(s));
            Entry(zip, "meta.xml", stamp, CompressionLevel.Optimal, s => OdsXml.Meta(s, properties));
        }

        await sink.DrainAsync(output, cancellationToken);
    }

    /// <summary>The package whole, for a workbook small enough to hold (a summary).</summary>
    public static async Task<byte[]> ToBytesAsync(WorkbookProperties properties, IReadOnlyList<Sheet> sheets, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        await WriteAsync(output, properties, sheets, cancellationToken);
        return output.ToArray();
    }

    /// <summary>Why <paramref name="name"/> cannot name a sheet, or null when it can.</summary>
    public static string? SheetNameProblem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? "A sheet name is empty."
            : name.Length > MaxSheetName ? $"Sheet name '{name}' is longer than {MaxSheetName} characters."
            : name.AsSpan().ContainsAny(RefusedInNames) ? $"Sheet name '{name}' has one of the characters {Refused}."
            : null;
    }

    private static void CheckNames(IReadOnlyList<Sheet> sheets)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            if (SheetNameProblem(sheet.Name) is { } problem)
            {
                throw new ArgumentException(problem, nameof(sheets));
            }

            if (!seen.Add(sheet.Name))
            {
                throw new ArgumentException($"Two sheets are named '{sheet.Name}'.", nameof(sheets));
            }

            if (string.IsNullOrWhiteSpace(sheet.Title) || sheet.Columns.Count == 0)
            {
                throw new ArgumentException($"Sheet '{sheet.Name}' has no title or no columns.", nameof(sheets));
            }

            if (sheet.Columns.Any(c => c.Header is not null) && !sheet.HasHeader)
            {
                throw new ArgumentException($"Sheet '{sheet.Name}' has a header row with a blank header.", nameof(sheets));
            }
        }
    }

    private static void Entry(ZipArchive zip, string name, DateTimeOffset stamp, CompressionLevel level, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = stamp;
        using var stream = entry.Open();
        write(stream);
    }
}
