using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Returns;
using Pipeline.Core.Summaries;
using Pipeline.Core.Validation;

namespace Pipeline.Core.Comparisons;

/// <summary>What a recalculation did.</summary>
public sealed record RecalculationResult(bool Recomputed, int Quarters, int Comparisons, string InputFingerprint, DateTimeOffset At);

/// <summary>
/// Computes every annual comparison, both bases, from the accepted quarters, and stores them. Used by the timer
/// function (which skips the work when nothing was accepted since the last run) and the CLI (which always recomputes).
/// </summary>
public sealed partial class RecalculationService(
    IAcceptedQuarterStore quarters,
    IComparisonStore comparisons,
    ValidationOptions validationOptions,
    TimeProvider timeProvider,
    ILogger<RecalculationService> logger)
{
    /// <summary>Bumped whenever the arithmetic or the document changes, so that stored comparisons are recomputed.</summary>
    private const string CalculationVersion = "comparison-v1";

    public async Task<RecalculationResult> RecalculateAsync(bool force, CancellationToken cancellationToken = default)
    {
        var accepted = await quarters.ListAsync(cancellationToken);
        var areas = validationOptions.EffectiveAreas;
        var fingerprint = Fingerprint(accepted, areas);
        var now = timeProvider.GetUtcNow();

        if (!force && await comparisons.GetInputFingerprintAsync(cancellationToken) == fingerprint)
        {
            LogUnchanged(accepted.Count);
            return new RecalculationResult(false, accepted.Count, 0, fingerprint, now);
        }

        var documents = ComparisonCalculator.ComputeAll(accepted, areas, now);
        var stored = new List<StoredComparison>(documents.Count);
        foreach (var basis in new[] { YearBasis.Calendar, YearBasis.Financial })
        {
            var ofBasis = documents.Where(d => d.Basis == basis).ToList();
            var defaultPeriod = ComparisonCalculator.ChooseDefaultPeriod(basis, ofBasis);
            stored.AddRange(ofBasis.Select(d => new StoredComparison(
                basis, d.Period, d.Status.ToWireName(), SummaryJson.ToUtf8Bytes(d), d.Period == defaultPeriod)));
        }

        await comparisons.WriteAsync(stored, fingerprint, cancellationToken);
        LogRecomputed(accepted.Count, stored.Count);
        return new RecalculationResult(true, accepted.Count, stored.Count, fingerprint, now);
    }

    /// <summary>
    /// What the comparisons depend on: every accepted quarter's file and hash, the configured area names, and the
    /// calculation's version. Equal fingerprints mean the comparisons would come out the same (but for computedAt).
    /// </summary>
    internal static string Fingerprint(IReadOnlyList<AcceptedQuarter> accepted, IReadOnlyList<Area> areas)
    {
        var text = new StringBuilder(CalculationVersion).Append('\n');
        foreach (var quarter in accepted.OrderBy(q => q.Quarter))
        {
            text.Append(CultureInfo.InvariantCulture, $"{quarter.Quarter} {quarter.Sha256} {quarter.File}\n");
        }

        foreach (var area in areas)
        {
            text.Append(CultureInfo.InvariantCulture, $"{area.Code} {area.Name}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Nothing accepted since the last recalculation ({Quarters} quarters); comparisons left as they are")]
    private partial void LogUnchanged(int quarters);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Recalculated {Comparisons} comparisons from {Quarters} accepted quarters")]
    private partial void LogRecomputed(int quarters, int comparisons);
}
