using System.Globalization;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Releases;

/// <summary>
/// Local times of a scheduled dataset's time zone and the instants they name: 09:30 on a date in Europe/London is
/// 09:30+00:00 in winter and 09:30+01:00 in summer. A local time the clocks skip (the spring-forward gap) names no
/// instant and is refused; one they pass twice (the autumn fall-back) is its first occurrence, summer time.
/// </summary>
public static class ReleaseTime
{
    /// <summary>The instant <paramref name="date"/> at the dataset's publication time names, or why there is none.</summary>
    public static bool TryInstant(DatasetPublication publication, DateOnly date, out DateTimeOffset instant, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var zone = publication.Zone;
        var local = date.ToDateTime(publication.LocalTime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            instant = default;
            problem = string.Create(
                CultureInfo.InvariantCulture,
                $"{date:yyyy-MM-dd} {publication.Time} does not exist in {publication.TimeZone}: the clocks go forward past it that night. Choose another date.");
            return false;
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        instant = new DateTimeOffset(local, offset);
        problem = null;
        return true;
    }

    /// <summary><paramref name="instant"/> in the zone's local time with its offset, ISO 8601: <c>2027-07-15T09:30:00+01:00</c>, never <c>Z</c>.</summary>
    public static string Iso(DateTimeOffset instant, DatasetPublication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return TimeZoneInfo.ConvertTime(instant, publication.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="instant"/> for people, in the zone's local time: <c>9:30am on Thursday 15 July 2027 (BST)</c>.</summary>
    public static string ForPeople(DateTimeOffset instant, DatasetPublication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var local = TimeZoneInfo.ConvertTime(instant, publication.Zone);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var clock = (local.Minute == 0 ? hour.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{hour}:{local.Minute:D2}")) + (local.Hour < 12 ? "am" : "pm");
        var zoneName = publication.TimeZone == "Europe/London" ? (local.Offset == TimeSpan.Zero ? " (GMT)" : " (BST)") : $" ({publication.TimeZone}, UTC{local:zzz})";
        return string.Create(CultureInfo.InvariantCulture, $"{clock} on {local:dddd d MMMM yyyy}{zoneName}");
    }
}
