namespace Pipeline.Core.Returns;

/// <summary>
/// What a sender says of a return that changes figures already accepted (docs/contract.md section 11): why
/// (<see cref="Reason"/>, one line) and whether it is a <c>correction</c> (a mistake put right) or a <c>revision</c>
/// (planned, such as late records), as ONS distinguishes them. Either may be absent. Shown in release notes.
/// </summary>
public sealed record ChangeNote(string? Reason, string? Kind)
{
    public const string Correction = "correction";
    public const string Revision = "revision";
    public const int MaxReasonLength = 500;

    /// <summary>Blob metadata names a partner writing straight into storage sets.</summary>
    public const string ReasonMetadata = "reason";

    /// <inheritdoc cref="ReasonMetadata"/>
    public const string KindMetadata = "kind";

    /// <summary>Why <paramref name="reason"/> or <paramref name="kind"/> cannot be used, naming the parameter; null when both can.</summary>
    public static (string Parameter, string Problem)? Problem(string? reason, string? kind)
    {
        if (kind is not null and not (Correction or Revision))
        {
            return ("kind", $"Parameter 'kind': '{kind}' is not a kind of change. Use 'correction' (a mistake put right) or 'revision' (planned, such as late records).");
        }

        if (reason is not null && (reason.Length > MaxReasonLength || reason.Any(char.IsControl) || string.IsNullOrWhiteSpace(reason)))
        {
            return ("reason", $"Parameter 'reason' must be one line of 1 to {MaxReasonLength} characters.");
        }

        return null;
    }

    /// <summary>The note a partner's blob metadata gives: kept only where usable (a kind other than the two is none).</summary>
    public static ChangeNote FromMetadata(string? reason, string? kind)
    {
        reason = reason is null ? null : Uri.UnescapeDataString(reason).Trim();
        kind = kind?.Trim().ToLowerInvariant();
        return new ChangeNote(
            Problem(reason, null) is null ? reason : null,
            Problem(null, kind) is null ? kind : null);
    }
}
