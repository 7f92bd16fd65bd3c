using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Pipeline.Core.Calendar;
using Pipeline.Core.Workbooks;

namespace Pipeline.Storage.Tests;

public sealed partial class NationalScaleTests
{
    /// <summary>
    /// The national series as a spreadsheet (format=ods), from another instance, cold: written to a file as a response
    /// would be, the live heap sampled after a full collection at every write never more than 32 MiB above where it
    /// started (the series' JSON is 140 MB); then read back, streamed, one area's row of offences and the totals are the
    /// generator's figures.
    /// </summary>
    private async Task TheWorkbookStreamsInBoundedMemoryAsync(NationalDataset national, IReadOnlyDictionary<string, string?> settings, List<Quarter> quarters)
    {
        using var reader = PipelineHarness.Over(azurite, settings);
        var response = await reader.Get<PublishedWorkbooks>().SeriesAsync([new("dataset", NationalDataset.Id), new("format", "ods")]);
        var path = Path.Combine(Directory.CreateTempSubdirectory("national-ods-").FullName, "national.ods");
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        await using (var file = new SamplingStream(File.Create(path)))
        {
            await response.Streamed!.WriteAsync(file, CancellationToken.None);
            Assert.InRange(file.Peak - baseline, long.MinValue, 32L * 1024 * 1024);
            Assert.InRange(file.Writes, 100, int.MaxValue); // Sent in many pieces, not once at the end.
        }

        using var zip = ZipFile.OpenRead(path);
        using var content = XmlReader.Create(zip.GetEntry("content.xml")!.Open());
        const string Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
        string? sheet = null;
        var row = 0;
        List<string> cells = [];
        while (content.Read())
        {
            if (content.NodeType == XmlNodeType.Element && content.LocalName == "table" && content.NamespaceURI == Table)
            {
                (sheet, row) = (content.GetAttribute("name", Table), 0);
            }
            else if (content.NodeType == XmlNodeType.Element && content.LocalName == "table-row")
            {
                row++;
                cells = [];
            }
            else if (content.NodeType == XmlNodeType.Element && content.LocalName == "table-cell")
            {
                cells.Add(content.GetAttribute("value", "urn:oasis:names:tc:opendocument:xmlns:office:1.0") ?? XElement.Load(content.ReadSubtree()).Value);
            }
            else if (content.NodeType == XmlNodeType.EndElement && content.LocalName == "table-row" && (sheet, row) is ("Table_1", 3))
            {
                Assert.Equal([quarters[0].ToString(), .. new[] { national.Totals([quarters[0]]) }.SelectMany(t => new[] { t.Offences, t.Knife, t.Positive }).Select(Text)], cells.Take(4));
            }
            else if (content.NodeType == XmlNodeType.EndElement && content.LocalName == "table-row" && (sheet, row) is ("Table_2", 4321 + 3))
            {
                Assert.Equal([NationalDataset.Code(4321), NationalDataset.Name(4321), .. quarters.Select(q => Text(NationalDataset.Counts(4321, q).Offences))], cells.Take(82));
                return;
            }
        }

        Assert.Fail("The workbook has no row for area 4321 in Table_2.");
    }

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Passes writes on, and samples the live heap (after a full collection) at every one.</summary>
    private sealed class SamplingStream(Stream inner) : Stream
    {
        public long Peak { get; private set; }

        public int Writes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Peak = Math.Max(Peak, GC.GetTotalMemory(forceFullCollection: true));
            Writes++;
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Only asynchronous writes, as a response body allows.");

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
