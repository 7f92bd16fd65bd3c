namespace Pipeline.Core.Ports;

/// <summary>A continuation the ledger did not give for this listing (malformed, cut short, or another dataset's).</summary>
public sealed class LedgerContinuationException(string reason) : Exception(reason);
