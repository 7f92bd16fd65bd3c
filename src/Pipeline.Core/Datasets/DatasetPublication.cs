using System.Text.Json.Serialization;

namespace Pipeline.Core.Datasets;

/// <summary>
/// How a dataset's figures reach the public (docs/contract.md section 11). Absent from a definition: published
/// continuously, each accepted upload public within a minute. <c>scheduled</c>: published only in releases, at
/// <see cref="Time"/> local time in <see cref="TimeZone"/> (an IANA id such as <c>Europe/London</c>) on each release's
/// date, with pre-release access from <see cref="PreReleaseHours"/> before, and the figures resting on the latest
/// <see cref="ProvisionalQuarters"/> quarters marked provisional.
/// </summary>
public sealed record DatasetPublication(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("time"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Time = null,
    [property: JsonPropertyName("timeZone"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TimeZone = null,
    [property: JsonPropertyName("preReleaseHours")] int PreReleaseHours = 24,
    [property: JsonPropertyName("provisionalQuarters")] int ProvisionalQuarters = 0)
{
    public const string Scheduled = "scheduled";
    public const string Continuous = "continuous";

    /// <summary>Whether the dataset is published in releases only.</summary>
    [JsonIgnore]
    public bool IsScheduled => Mode == Scheduled;

    /// <summary>The local time of day releases are published at (checked at start, so it parses).</summary>
    [JsonIgnore]
    public TimeOnly LocalTime => TimeOnly.ParseExact(Time ?? "09:30", "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The time zone (checked at start, so it is found on Linux and Windows alike, by its IANA id).</summary>
    [JsonIgnore]
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone ?? "Europe/London");
}
