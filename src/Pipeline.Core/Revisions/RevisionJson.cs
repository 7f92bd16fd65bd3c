using System.Text.Json;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Revisions;

/// <summary>
/// The revision log as JSON (contract section 7): <c>[{"quarter", "revision", "acceptedAt", "file", "sha256", "sentBy",
/// "previous": {"file", "sha256"}, "totals": {field: {"previous": n, "current": n}}}]</c>, the fields by their column
/// names, <c>sentBy</c> the correction's sender (section 10); <c>[]</c> before any correction. Indented as the summary is.
/// </summary>
public static class RevisionJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static byte[] ToUtf8Bytes(IReadOnlyList<QuarterRevision> revisions, DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(dataset);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var revision in revisions)
            {
                writer.WriteStartObject();
                writer.WriteString("quarter", revision.Quarter.ToString());
                writer.WriteNumber("revision", revision.Revision);
                writer.WriteString("acceptedAt", revision.AcceptedAt);
                writer.WriteString("file", revision.File);
                writer.WriteString("sha256", revision.Sha256);
                writer.WriteString("sentBy", revision.SentBy);
                writer.WriteStartObject("previous");
                writer.WriteString("file", revision.PreviousFile);
                writer.WriteString("sha256", revision.PreviousSha256);
                writer.WriteEndObject();
                writer.WriteStartObject("totals");
                for (var i = 0; i < dataset.Fields.Count; i++)
                {
                    writer.WriteStartObject(dataset.Fields[i].Name);
                    SummaryJson.WriteCount(writer, "previous", revision.PreviousTotals[i]);
                    SummaryJson.WriteCount(writer, "current", revision.Totals[i]);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
