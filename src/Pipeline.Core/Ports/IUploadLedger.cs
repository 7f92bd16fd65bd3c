namespace Pipeline.Core.Ports;

/// <summary>Every outcome, with the file's sha256, time and sender; and who sent each upload the app created.</summary>
public interface IUploadLedger
{
    /// <summary>Records an outcome; recording the same upload (name, creation time, hash) again replaces its entry.</summary>
    Task RecordAsync(LedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entry for exactly this version of the named upload; null when it was never processed.</summary>
    Task<LedgerEntry?> FindAsync(string file, string version, CancellationToken cancellationToken = default);

    /// <summary>Every entry, without its report: the whole ledger, for tools and tests; readers page with <see cref="ListRecentAsync"/>.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of at most <paramref name="limit"/> (1 to 1,000) of <paramref name="dataset"/>'s entries, without their
    /// reports, most recently uploaded first (then by name), from the start or from <paramref name="continuation"/>.
    /// </summary>
    /// <exception cref="LedgerContinuationException">The continuation is not one this listing gave.</exception>
    Task<LedgerPage> ListRecentAsync(string dataset, LedgerFilter filter, int limit, string? continuation, CancellationToken cancellationToken = default);

    /// <summary>Every processing of the named upload, with its report, in any order.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListForFileAsync(string file, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the app created exactly this version of the named upload for <paramref name="sentBy"/>, so that
    /// whichever run processes it (the app's own, the blob trigger's, <c>pipeline process</c>) records that sender.
    /// Written where only the app writes: nobody who can write to uploads can make one.
    /// </summary>
    Task RecordSentAsync(string file, string version, string sentBy, CancellationToken cancellationToken = default);

    /// <summary>Who the app recorded as sending exactly this version of the named upload; null when it recorded nobody.</summary>
    Task<string?> FindSenderAsync(string file, string version, CancellationToken cancellationToken = default);
}
