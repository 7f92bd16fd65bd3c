using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Disclosure;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;
using Pipeline.Core.Validation;

namespace Pipeline.Core.Recalculation;

/// <summary>
/// Computes every annual comparison of every dataset, on every basis (calendar, financial, rolling), and each dataset's
/// series of every accepted quarter, from the accepted quarters, and stores them. Used by
/// the timer function (which skips a dataset when nothing it depends on changed since the last run: two reads in all)
/// and the CLI (which always recomputes).
/// </summary>
public sealed class RecalculationService(
    DatasetRegistry datasets,
    IAcceptedQuarterStore quarters,
    IComparisonStore comparisons,
    IOptions<ValidationOptions> validationOptions,
    TimeProvider timeProvider,
    ILogger<RecalculationService> logger)
{
    /// <summary>Bumped whenever the arithmetic or the document changes, so that stored comparisons are recomputed.</summary>
    private const string CalculationVersion = "comparison-v7"; // v3: rolling years; v4: each source's revision and acceptedAt; v5: the series document, written with them; v6: large documents in pieces; v7: rates' intervals and rates per population.

    /// <summary>Bumped whenever the disclosure step changes, so that a dataset with a rule is recomputed.</summary>
    private const string DisclosureVersion = "disclosure-v2"; // v2: rates per population and every interval withheld with their counts.

    /// <summary>How many quarters' figures are read at once.</summary>
    private const int ParallelReads = 8;

    /// <param name="force">Recompute even when the inputs are unchanged.</param>
    /// <param name="only">One dataset's id, or null for every dataset.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<RecalculationResult> RecalculateAsync(bool force, string? only = null, CancellationToken cancellationToken = default)
    {
        var accepted = await quarters.ListAsync(cancellationToken);
        var stored = force ? new Dictionary<string, string>() : await comparisons.GetInputFingerprintsAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var recomputed = false;
        var written = 0;
        var fingerprints = new List<string>();
        foreach (var dataset in datasets.All.Where(d => only is null || d.Id == only))
        {
            var ofDataset = accepted.Where(q => q.Dataset == dataset.Id).ToList();
            var fingerprint = Fingerprint(dataset, ofDataset, AreasOf(dataset));
            fingerprints.Add(fingerprint);
            if ((!force && stored.TryGetValue(dataset.Id, out var previous) && previous == fingerprint) ||
                (ofDataset.Count == 0 && !stored.ContainsKey(dataset.Id) && !force))
            {
                continue; // Unchanged, or nothing was ever accepted or computed for it.
            }

            var figures = await ReadFiguresAsync(ofDataset, cancellationToken);
            if (await StoreAsync(dataset.Id, dataset, figures, now, fingerprint, cancellationToken) is not { } count)
            {
                continue; // Forced, but nothing to compare and nothing to record.
            }

            recomputed = true;
            written += count;
        }

        var combined = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', fingerprints))));
        if (recomputed)
        {
            CoreLog.Recomputed(logger, accepted.Count, written);
        }
        else
        {
            CoreLog.Unchanged(logger, accepted.Count);
        }

        return new RecalculationResult(recomputed, accepted.Count(q => only is null || q.Dataset == only), written, combined, now);
    }

    /// <summary>
    /// Computes a dataset's documents (every comparison of every basis, and the series) from <paramref name="figures"/>
    /// and stores them under <paramref name="key"/>: the dataset's id for its continuously published documents, a
    /// release's key for a release's frozen ones (Releases/ReleaseSnapshots.cs), so both are made by the same code. The
    /// number of comparisons written; null when there was nothing to compare and nothing accepted.
    /// </summary>
    public async Task<int?> StoreAsync(
        string key, DatasetDefinition dataset, IReadOnlyList<AcceptedQuarter> figures, DateTimeOffset computedAt, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(figures);
        var areas = AreasOf(dataset);
        var definition = Fingerprint(dataset, [], areas);

        // Planned, not computed: the store computes (and serialises) only the documents whose inputs changed.
        var planned = ComparisonCalculator.Plan(dataset, figures, areas, computedAt);
        // Disclosure control is decided once from every figure published together, and applied before anything is
        // stored; each document then rests on every accepted file, since one figure can move another's withholding.
        var disclosure = DisclosureControl.Decide(dataset, figures);
        if (disclosure is not null)
        {
            definition = fingerprint;
        }

        var toStore = new List<StoredComparison>(planned.Count);
        foreach (var basis in YearBasisNames.All)
        {
            var ofBasis = planned.Where(d => d.Basis == basis).ToList();
            var defaultPeriod = ComparisonCalculator.ChooseDefaultPeriod(basis, ofBasis.Select(d => (d.Period, d.Status)));
            toStore.AddRange(ofBasis.Select(d =>
            {
                SummaryDocument Made() => disclosure?.Protect(d.Compute()) ?? d.Compute();
                return new StoredComparison(
                    basis, d.Period, d.Status, () => SummaryJson.ToUtf8Bytes(Made()), d.Period == defaultPeriod, InputKey(definition, d), perPiece => SummaryJson.Cut(Made(), perPiece));
            }));
        }

        if (toStore.Count == 0 && figures.Count == 0)
        {
            return null;
        }

        // The series first: the fingerprint, written last by WriteAsync, says both are done.
        var series = SeriesCalculator.Compute(dataset, figures, areas);
        await comparisons.WriteSeriesAsync(key, SeriesWrites.Of(disclosure?.Protect(series) ?? series, Withheld.SymbolOf(dataset)), cancellationToken);
        await comparisons.WriteAsync(key, toStore, fingerprint, cancellationToken);
        return toStore.Count;
    }

    /// <summary>The areas a dataset's documents cover: its own list, else the configured areas.</summary>
    public IReadOnlyList<Area> AreasOf(DatasetDefinition dataset) => dataset?.Areas ?? validationOptions.Value.EffectiveAreas;

    /// <summary>
    /// What a dataset's comparisons depend on: its fields and metrics (with the populations its rates per population use),
    /// every accepted quarter's file and hash, the area names, and the calculation's version. Equal fingerprints mean the
    /// comparisons would come out the same (but for computedAt).
    /// </summary>
    internal static string Fingerprint(DatasetDefinition dataset, IReadOnlyList<AcceptedQuarterRecord> accepted, IReadOnlyList<Area> areas)
    {
        var text = new StringBuilder(CalculationVersion).Append('\n');
        text.Append(string.Join(',', dataset.Fields.Select(f => f.Name))).Append('\n');
        foreach (var metric in dataset.Metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"{metric.Id}={metric.Count}{metric.Rate?.Numerator}/{metric.Rate?.Denominator}\n");
            if (metric.PerPopulation is { } perPopulation)
            {
                // New population estimates change the rates: the file's own fingerprint is an input.
                var population = dataset.Populations.TryGetValue(perPopulation.Population, out var table) ? table.Fingerprint : "none";
                text.Append(CultureInfo.InvariantCulture, $"  {perPopulation.Count} per {perPopulation.Per} of {perPopulation.Population} {population}\n");
            }
        }

        foreach (var quarter in accepted.OrderBy(q => q.Quarter))
        {
            text.Append(CultureInfo.InvariantCulture, $"{quarter.Quarter} {quarter.Sha256} {quarter.File}\n");
        }

        foreach (var area in areas)
        {
            text.Append(CultureInfo.InvariantCulture, $"{area.Code} {area.Name}\n");
        }

        if (dataset.Disclosure is { } rule)
        {
            // Only a dataset with a rule says so, so the others' fingerprints (and stored documents) stay as they were.
            text.Append(CultureInfo.InvariantCulture, $"{DisclosureVersion} {rule.Suppress?.From}-{rule.Suppress?.To} {rule.RoundTo} {rule.Symbol}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// What one document's figures depend on: the dataset's definition and areas (<paramref name="definition"/>, the
    /// fingerprint of no quarters), its basis, period and status, and every accepted file behind it.
    /// </summary>
    private static string InputKey(string definition, PlannedComparison document)
    {
        var text = new StringBuilder(definition).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"{document.Basis.ToWireName()} {document.Period} {document.Status.ToWireName()}\n");
        foreach (var source in document.Sources)
        {
            text.Append(source).Append('\n'); // Every member of the record: a new member counts without a change here.
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Reads the figures of every record, a few at a time (each is one request; a national return's figures are about a
    /// megabyte), in the records' order.
    /// </summary>
    public async Task<AcceptedQuarter[]> ReadFiguresAsync(IReadOnlyList<AcceptedQuarterRecord> records, CancellationToken cancellationToken)
    {
        var figures = new AcceptedQuarter[records.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, records.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, token) => figures[i] = await quarters.ReadAsync(records[i], token));
        return figures;
    }
}
