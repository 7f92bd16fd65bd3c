namespace Pipeline.Core.Ports;

/// <summary>
/// One page of a dataset's ledger, most recently uploaded first. <see cref="Continuation"/>, when there may be more, is
/// opaque and URL-safe: pass it back as it is for the next page. A filtered page may hold fewer entries than asked for,
/// even none, and still have a next one.
/// </summary>
public sealed record LedgerPage(IReadOnlyList<LedgerEntry> Entries, string? Continuation);
