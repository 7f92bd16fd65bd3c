using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Ports;

/// <summary>
/// The accepted figures, one version per dataset and quarter: an index of records (cheap to list: what the
/// processor, the status view and the recalculation's "anything new?" check need) and the figures each points to.
/// </summary>
public interface IAcceptedQuarterStore
{
    /// <summary>The quarter's current record and the version a replacement would be conditional on; null if none.</summary>
    Task<AcceptedQuarterVersion?> GetAsync(string dataset, Quarter quarter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="replacement"/> the quarter's figures in one atomic write, provided the current version is still
    /// <paramref name="expected"/> (null: no figures yet). False when another writer got there first. A replacement of
    /// revision 2 or more is recorded as a <see cref="QuarterRevision"/> in the same atomic write.
    /// </summary>
    Task<bool> TryReplaceAsync(AcceptedQuarter replacement, AcceptedQuarterVersion? expected, CancellationToken cancellationToken = default);

    /// <summary>Every dataset's accepted quarters' records, read at once: by dataset, then in quarter order.</summary>
    Task<IReadOnlyList<AcceptedQuarterRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Every correction recorded for <paramref name="dataset"/>, in no particular order.</summary>
    Task<IReadOnlyList<QuarterRevision>> ListRevisionsAsync(string dataset, CancellationToken cancellationToken = default);

    /// <summary>The figures <paramref name="record"/> points to.</summary>
    Task<AcceptedQuarter> ReadAsync(AcceptedQuarterRecord record, CancellationToken cancellationToken = default);
}
