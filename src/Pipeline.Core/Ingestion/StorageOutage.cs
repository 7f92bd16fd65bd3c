namespace Pipeline.Core.Ingestion;

/// <summary>
/// Why a run over the uploads waiting stopped early: storage could not be reached while <paramref name="File"/> was
/// processed (null: while the uploads were listed). <paramref name="LeftWaiting"/> uploads the run meant to process were
/// left in uploads untried, that one among them; <paramref name="ListingCut"/> says the listing did not reach the end,
/// so more may wait.
/// </summary>
public sealed record StorageOutage(string? File, string Message, int LeftWaiting, bool ListingCut);
