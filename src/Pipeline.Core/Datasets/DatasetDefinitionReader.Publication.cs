using System.Globalization;

namespace Pipeline.Core.Datasets;

public static partial class DatasetDefinitionReader
{
    /// <summary>Every problem with the definition's <c>publication</c> object, as sentences; none when it is absent or usable.</summary>
    internal static IEnumerable<string> CheckPublication(DatasetPublication? publication)
    {
        if (publication is null)
        {
            yield break;
        }

        if (publication.Mode is not (DatasetPublication.Scheduled or DatasetPublication.Continuous))
        {
            yield return $"'publication.mode' must be 'scheduled' or 'continuous' (it is '{publication.Mode}').";
            yield break;
        }

        if (!publication.IsScheduled)
        {
            yield break;
        }

        if (publication.Time is null || !TimeOnly.TryParseExact(publication.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return $"'publication.time' must be a local time of day as HH:mm, such as \"09:30\" (it is '{publication.Time}').";
        }

        if (publication.TimeZone is null || !IsIanaZone(publication.TimeZone))
        {
            yield return $"'publication.timeZone' must be an IANA time zone id such as \"Europe/London\" (it is '{publication.TimeZone}').";
        }

        if (publication.PreReleaseHours is < 0 or > 24 * 7)
        {
            yield return $"'publication.preReleaseHours' must be 0 to 168 (it is {publication.PreReleaseHours}).";
        }

        if (publication.ProvisionalQuarters is < 0 or > 8)
        {
            yield return $"'publication.provisionalQuarters' must be 0 to 8 (it is {publication.ProvisionalQuarters}).";
        }
    }

    /// <summary>
    /// Whether <paramref name="id"/> is an IANA id this machine knows: found by that id (on Windows too, where .NET
    /// converts it through ICU), and not a Windows id such as "GMT Standard Time".
    /// </summary>
    private static bool IsIanaZone(string id)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            return false;
        }

        return id == "UTC" || id.Contains('/', StringComparison.Ordinal) || TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);
    }
}
