namespace Pipeline.Core.Releases;

/// <summary>Where the release calendar and the record of pre-release access are kept.</summary>
public interface IReleaseCalendar
{
    /// <summary>Every release of <paramref name="dataset"/>, in no particular order.</summary>
    Task<IReadOnlyList<Release>> ListAsync(string dataset, CancellationToken cancellationToken = default);

    /// <summary>The release of that id, or null.</summary>
    Task<Release?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="release"/>; false, with nothing written, when its dataset already has a release on its date or its id.</summary>
    Task<bool> TryAddAsync(Release release, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the release that was due on <paramref name="previousDate"/> by <paramref name="moved"/> (same id, new date
    /// and one more move) in one atomic write; false, with nothing written, when another release has the new date.
    /// </summary>
    Task<bool> TryMoveAsync(Release moved, DateOnly previousDate, CancellationToken cancellationToken = default);

    /// <summary>Records one view of a release before its instant.</summary>
    Task RecordAccessAsync(string releaseId, ReleaseAccess access, CancellationToken cancellationToken = default);

    /// <summary>Every recorded view of the release before its instant, oldest first.</summary>
    Task<IReadOnlyList<ReleaseAccess>> ListAccessAsync(string releaseId, CancellationToken cancellationToken = default);
}
