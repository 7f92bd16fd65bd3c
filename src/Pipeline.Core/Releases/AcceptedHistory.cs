using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Releases;

/// <summary>
/// The accepted figures as they were at an instant, from what never changes: each quarter's current record and its
/// revision log (every correction names the version it replaced and, since releases, when that one was accepted). A
/// quarter's version at an instant is the latest accepted at or before it; a quarter none of whose versions was
/// accepted by then is absent. A version replaced before the log recorded acceptance times counts as accepted before any
/// release (docs/method.md, "Releases and revisions").
/// </summary>
public static class AcceptedHistory
{
    /// <summary>The records of <paramref name="current"/> up to <paramref name="through"/> as they were at <paramref name="at"/>, in quarter order.</summary>
    public static IReadOnlyList<AcceptedQuarterRecord> AsAt(
        IEnumerable<AcceptedQuarterRecord> current, IReadOnlyList<QuarterRevision> revisions, DateTimeOffset at, Quarter through)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(revisions);
        var byQuarter = revisions.ToLookup(r => r.Quarter);
        var records = new List<AcceptedQuarterRecord>();
        foreach (var record in current.Where(r => r.Quarter <= through).OrderBy(r => r.Quarter))
        {
            if (VersionAt(record, [.. byQuarter[record.Quarter].OrderByDescending(r => r.Revision)], at) is { } version)
            {
                records.Add(version);
            }
        }

        return records;
    }

    /// <summary>The version of one quarter accepted last at or before <paramref name="at"/>; null when none was.</summary>
    /// <param name="record">The quarter's current record.</param>
    /// <param name="corrections">Its revision log entries, highest revision first.</param>
    /// <param name="at">The instant.</param>
    private static AcceptedQuarterRecord? VersionAt(AcceptedQuarterRecord record, IReadOnlyList<QuarterRevision> corrections, DateTimeOffset at)
    {
        if (record.AcceptedAt <= at)
        {
            return record;
        }

        foreach (var correction in corrections.Where(c => c.Revision < record.Revision))
        {
            if (correction.AcceptedAt <= at)
            {
                return record with
                {
                    File = correction.File, Sha256 = correction.Sha256, UploadedAt = correction.AcceptedAt, AcceptedAt = correction.AcceptedAt,
                    Revision = correction.Revision, Totals = correction.Totals, SentBy = correction.SentBy, Reason = correction.Reason, Kind = correction.Kind,
                };
            }
        }

        // The first version: known from the correction that replaced it.
        var first = corrections.Count > 0 ? corrections[^1] : null;
        if (first is null || first.Revision != 2 || (first.PreviousAcceptedAt ?? DateTimeOffset.MinValue) > at)
        {
            return null;
        }

        var acceptedAt = first.PreviousAcceptedAt ?? DateTimeOffset.MinValue;
        return record with
        {
            File = first.PreviousFile, Sha256 = first.PreviousSha256, UploadedAt = acceptedAt, AcceptedAt = acceptedAt, Revision = 1,
            Totals = first.PreviousTotals, SentBy = first.PreviousSentBy ?? UploadSenders.Unknown, Reason = null, Kind = null,
        };
    }
}
