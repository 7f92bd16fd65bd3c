using System.Globalization;
using System.Text.Json;

namespace Pipeline.Web.Pages;

/// <summary>
/// A summary's source as the dashboard shows it: the quarter, the accepted file and its hash, and, where the document
/// carries them (contract section 5), the quarter's revision and when that version was accepted.
/// </summary>
public sealed record SourceView(string Quarter, string File, string Sha256, int? Revision, DateTimeOffset? AcceptedAt)
{
    /// <summary>Whether the figures rest on a corrected return of this quarter.</summary>
    public bool IsRevised => Revision > 1;

    /// <summary>The <c>sources</c> of a summary document's JSON, revision and acceptedAt read only if present.</summary>
    public static IReadOnlyList<SourceView> Read(byte[] summaryJson)
    {
        using var json = JsonDocument.Parse(summaryJson);
        return [.. json.RootElement.GetProperty("sources").EnumerateArray().Select(s => new SourceView(
            s.GetProperty("quarter").GetString()!,
            s.GetProperty("file").GetString()!,
            s.GetProperty("sha256").GetString()!,
            s.TryGetProperty("revision", out var revision) && revision.ValueKind == JsonValueKind.Number ? revision.GetInt32() : null,
            s.TryGetProperty("acceptedAt", out var at) && at.ValueKind == JsonValueKind.String &&
                DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var accepted) ? accepted : null))];
    }
}
