using Pipeline.Core.Calendar;

namespace Pipeline.Core.Releases;

/// <summary>
/// One announced release of a scheduled dataset (docs/contract.md section 11): <see cref="Id"/> is
/// <c>&lt;dataset&gt;-YYYY-MM-DD</c> of the date it was first announced for, and stays the same when it is moved, so links
/// to it keep working; <see cref="Date"/> is the local date it will publish on now, at <see cref="PublishAt"/>, the
/// figures of every quarter up to <see cref="Through"/> as they were accepted at that instant.
/// </summary>
public sealed record Release(
    string Id,
    string Dataset,
    string Title,
    DateOnly Date,
    Quarter Through,
    DateTimeOffset PublishAt,
    IReadOnlyList<ReleaseMove> Moves,
    DateTimeOffset ScheduledAt,
    string ScheduledBy)
{
    /// <summary>Whether the release is public at <paramref name="now"/>: from its instant on, whatever any job has done.</summary>
    public bool IsPublishedAt(DateTimeOffset now) => now >= PublishAt;

    /// <summary>The id a release of <paramref name="dataset"/> first announced for <paramref name="date"/> has.</summary>
    public static string IdOf(string dataset, DateOnly date) => $"{dataset}-{date:yyyy-MM-dd}";

    /// <summary>The dataset an id names (everything before its date), or null when the id is not of that form.</summary>
    public static string? DatasetOf(string id) =>
        id is { Length: > 11 } && id[^11] == '-' && DateOnly.TryParseExact(id[^10..], "yyyy-MM-dd", out _) ? id[..^11] : null;
}

/// <summary>A move of a release's date: the instants it was due at before and after, why, and when it was moved.</summary>
public sealed record ReleaseMove(DateTimeOffset From, DateTimeOffset To, string Reason, DateTimeOffset At, string By);

/// <summary>One view of a coming release before its instant (pre-release access): when, by whom, and what was asked.</summary>
public sealed record ReleaseAccess(DateTimeOffset At, string Principal, string Request);
