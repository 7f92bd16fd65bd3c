namespace Pipeline.Core.Ports;

/// <summary>
/// A dataset's series as stored: its JSON whole (<see cref="Json"/>: small enough to keep in one entity, or stored
/// before series were cut) or its <see cref="Index"/> of pieces; and the SHA-256 and length of the whole JSON either
/// way, so that it can be tagged and streamed without being read whole.
/// </summary>
public sealed record StoredSeries(string Sha256, long Bytes, byte[]? Json, SeriesIndex? Index);

/// <summary>
/// Where a large series' pieces are, and what is small enough to keep with them: the JSON's <see cref="Head"/>, one piece
/// per quarter (<see cref="Quarters"/>, keyed by quarter) and <see cref="Tail"/>; every quarter's totals
/// (<see cref="Totals"/>, in the format of Summaries/SeriesShards.cs); the runs of areas each with every quarter of its areas
/// (<see cref="AreaShards"/>, keyed by their first area code, in code order); and the SHA-256 and length of the series'
/// CSV.
/// </summary>
public sealed record SeriesIndex(
    byte[] Head, IReadOnlyList<PieceRef> Quarters, byte[] Tail, string Totals, IReadOnlyList<PieceRef> AreaShards, string CsvSha256, long CsvBytes);

/// <summary>
/// A series to store: the SHA-256 and length of its JSON, the JSON itself cut a piece a quarter (a store joins the
/// pieces of a small series and keeps it whole), and what a store keeps besides of a large one, made when first asked for.
/// </summary>
public sealed record SeriesWrite(string Sha256, long Bytes, PiecedDocument Json, Lazy<SeriesByArea> ByArea);

/// <summary>What a large series keeps besides its quarters' pieces (<see cref="SeriesIndex"/> says what each is).</summary>
public sealed record SeriesByArea(string Totals, IReadOnlyList<DocumentPiece> AreaShards, string CsvSha256, long CsvBytes);
