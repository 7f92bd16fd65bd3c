using Pipeline.Core.Calendar;

namespace Pipeline.Core.Ports;

/// <summary>Where the annual comparisons are kept: one precomputed summary document per dataset, basis and period.</summary>
public interface IComparisonStore
{
    /// <summary>
    /// Every dataset's fingerprint of the inputs its stored comparisons were computed from, by dataset id, read at once;
    /// a dataset never recalculated has none.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> GetInputFingerprintsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a dataset's documents (each basis in as few atomic writes as the size allows), the default document of each
    /// basis, and then the <paramref name="inputFingerprint"/> that says what they were computed from.
    /// </summary>
    Task WriteAsync(string dataset, IReadOnlyList<StoredComparison> comparisons, string inputFingerprint, CancellationToken cancellationToken = default);

    /// <summary>One period's document (<paramref name="period"/> given) or the basis' default one (null); null if none.</summary>
    Task<StoredSummary?> GetAsync(string dataset, YearBasis basis, Period? period, CancellationToken cancellationToken = default);

    /// <summary>
    /// One period's document, or the basis' default one, cut to what <paramref name="areas"/> need: a document whose
    /// <c>areas</c> hold those of them the whole one holds (and perhaps others), everything else as in the whole document.
    /// A large document is read as its index and the pieces that hold them; null if none.
    /// </summary>
    Task<StoredSummary?> GetAreasAsync(string dataset, YearBasis basis, Period? period, IReadOnlyCollection<string> areas, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a dataset's series document (every accepted quarter's figures, <c>GET /api/series</c>) in one write; a
    /// recalculation writes it before <see cref="WriteAsync"/>, whose fingerprint comes last.
    /// </summary>
    Task WriteSeriesAsync(string dataset, SeriesWrite series, CancellationToken cancellationToken = default);

    /// <summary>The dataset's series as stored (whole, or its index of pieces); null before its first recalculation.</summary>
    Task<StoredSeries?> GetSeriesAsync(string dataset, CancellationToken cancellationToken = default);

    /// <summary>A piece of a large document (<see cref="PieceRef.Name"/>) exactly as it was cut.</summary>
    /// <exception cref="InvalidDataException">The piece is missing or not what was written.</exception>
    Task<byte[]> ReadPieceAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a piece to <paramref name="destination"/> as it is read, never held whole (a national series' quarter is
    /// about 1.7 MB); its hash is checked as it goes, and a piece that is not what was written ends in an exception
    /// after its bytes, so that a streamed response is cut short rather than completed.
    /// </summary>
    /// <exception cref="InvalidDataException">The piece is missing or not what was written.</exception>
    Task CopyPieceToAsync(string name, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>The periods of a dataset and basis that have a stored comparison, in period order; none before the first recalculation.</summary>
    Task<IReadOnlyList<StoredPeriod>> ListPeriodsAsync(string dataset, YearBasis basis, CancellationToken cancellationToken = default);
}
