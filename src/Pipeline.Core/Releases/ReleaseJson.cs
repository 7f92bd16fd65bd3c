using System.Text.Json;
using Pipeline.Core.Datasets;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Releases;

/// <summary>
/// The calendar's JSON (<c>GET /api/releases</c>, <c>pipeline release list --json</c>): each release's id, dataset, title,
/// <c>publishAt</c> (the zone's local time with its offset, never <c>Z</c>), <c>through</c>, <c>status</c>
/// (<c>scheduled</c> or <c>published</c>), its moves and, once published, its notes.
/// </summary>
public static class ReleaseJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static byte[] ToUtf8Bytes(IEnumerable<(Release Release, ReleaseNotes? Notes)> releases, DatasetDefinition dataset, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(releases);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var (release, notes) in releases)
            {
                Write(writer, release, notes, dataset, now);
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    public static byte[] ToUtf8Bytes(Release release, ReleaseNotes? notes, DatasetDefinition dataset, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, release, notes, dataset, now);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, Release release, ReleaseNotes? notes, DatasetDefinition dataset, DateTimeOffset now)
    {
        var publication = dataset.Publication!;
        writer.WriteStartObject();
        writer.WriteString("id", release.Id);
        writer.WriteString("dataset", release.Dataset);
        writer.WriteString("title", release.Title);
        writer.WriteString("publishAt", ReleaseTime.Iso(release.PublishAt, publication));
        writer.WriteString("through", release.Through.ToString());
        writer.WriteString("status", release.IsPublishedAt(now) ? "published" : "scheduled");
        writer.WriteStartArray("moved");
        foreach (var move in release.Moves)
        {
            writer.WriteStartObject();
            writer.WriteString("from", ReleaseTime.Iso(move.From, publication));
            writer.WriteString("to", ReleaseTime.Iso(move.To, publication));
            writer.WriteString("reason", move.Reason);
            writer.WriteString("at", ReleaseTime.Iso(move.At, publication));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (notes is null)
        {
            writer.WriteNull("notes");
        }
        else
        {
            writer.WriteStartObject("notes");
            writer.WriteStartArray("quartersAdded");
            foreach (var quarter in notes.QuartersAdded)
            {
                writer.WriteStringValue(quarter.ToString());
            }

            writer.WriteEndArray();
            writer.WriteStartArray("revised");
            foreach (var figure in notes.Revised)
            {
                writer.WriteStartObject();
                writer.WriteString("quarter", figure.Quarter.ToString());
                writer.WriteString("area", figure.Area);
                writer.WriteString("field", figure.Field);
                // A withheld value (a dataset with a disclosure rule) is null with "previousSuppressed" or "currentSuppressed": true.
                SummaryJson.WriteCount(writer, "previous", figure.Previous);
                SummaryJson.WriteCount(writer, "current", figure.Current);
                writer.WriteString("reason", figure.Reason);
                writer.WriteString("kind", figure.Kind);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The record of pre-release access: <c>[{"at", "principal", "request"}]</c>, oldest first.</summary>
    public static byte[] AccessToUtf8Bytes(IEnumerable<ReleaseAccess> views, DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(dataset);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var view in views)
            {
                writer.WriteStartObject();
                writer.WriteString("at", ReleaseTime.Iso(view.At, dataset.Publication!));
                writer.WriteString("principal", view.Principal);
                writer.WriteString("request", view.Request);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
