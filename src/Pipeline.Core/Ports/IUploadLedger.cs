namespace Pipeline.Core.Ports;

/// <summary>Every outcome, with the file's sha256 and time.</summary>
public interface IUploadLedger
{
    /// <summary>Records an outcome; recording the same upload (name, creation time, hash) again replaces its entry.</summary>
    Task RecordAsync(LedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entry for exactly this version of the named upload; null when it was never processed.</summary>
    Task<LedgerEntry?> FindAsync(string file, string version, CancellationToken cancellationToken = default);

    /// <summary>Every entry, without its report.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Every processing of the named upload, with its report, in any order.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListForFileAsync(string file, CancellationToken cancellationToken = default);
}
