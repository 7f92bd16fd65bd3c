using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Ports;

/// <summary>The accepted figures, one version per dataset and quarter.</summary>
public interface IAcceptedQuarterStore
{
    Task<AcceptedQuarterVersion?> GetAsync(string dataset, Quarter quarter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="replacement"/> the quarter's figures in one atomic write, provided the current version is still
    /// <paramref name="expected"/> (null: no figures yet). False when another writer got there first.
    /// </summary>
    Task<bool> TryReplaceAsync(AcceptedQuarter replacement, AcceptedQuarterVersion? expected, CancellationToken cancellationToken = default);

    /// <summary>Every dataset's accepted quarters, read at once: by dataset, then in quarter order.</summary>
    Task<IReadOnlyList<AcceptedQuarter>> ListAsync(CancellationToken cancellationToken = default);
}
