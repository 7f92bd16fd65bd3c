using Pipeline.Core.Returns;

namespace Pipeline.Core.Ports;

/// <summary>Which of a dataset's ledger entries a listing keeps: one outcome, one quarter (exactly as written), or both.</summary>
public sealed record LedgerFilter(UploadStatus? Status = null, string? Quarter = null)
{
    public static LedgerFilter None { get; } = new();
}
