using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Status;

/// <summary>Gathers <see cref="StatusReport"/>: what storage holds now for one dataset, read through the ports.</summary>
public sealed class StatusService(
    DatasetRegistry datasets, IAcceptedQuarterStore quarters, IUploadStore uploads, IUploadLedger ledger, IComparisonStore comparisons)
{
    /// <summary>How many of the latest rejections the report lists.</summary>
    public const int RecentRejections = 5;

    /// <summary>How many errors of each rejection's report it shows.</summary>
    public const int FirstErrors = 3;

    public async Task<StatusReport> GetAsync(DatasetDefinition dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);

        var accepted = (await quarters.ListAsync(cancellationToken))
            .Where(q => q.Dataset == dataset.Id)
            .OrderBy(q => q.Quarter)
            .Select(q => new StatusQuarter(q.Quarter.ToString(), q.File, q.Sha256, q.Revision, q.AcceptedAt, q.SentBy))
            .ToList();

        var waiting = new List<string>();
        await foreach (var (name, _) in uploads.ListPendingAsync(cancellationToken))
        {
            if (datasets.ForUpload(name).Id == dataset.Id)
            {
                waiting.Add(name);
            }
        }

        // The first page of the dataset's rejections, not the whole ledger.
        var rejected = await ledger.LatestAsync([dataset.Id], new LedgerFilter(UploadStatus.Rejected), RecentRejections, cancellationToken);
        var rejections = new List<StatusRejection>();
        foreach (var entry in rejected)
        {
            var report = await uploads.ReadReportAsync(entry.StoredAs, cancellationToken);
            rejections.Add(new StatusRejection(entry.File, entry.ProcessedAt, entry.Quarter, entry.Errors, entry.StoredAs, entry.SentBy, ErrorsOf(report)));
        }

        var bases = new List<StatusBasis>();
        foreach (var basis in YearBasisNames.All)
        {
            var periods = await comparisons.ListPeriodsAsync(dataset.Id, basis, cancellationToken);
            bases.Add(new StatusBasis(
                basis.ToWireName(),
                [.. periods.Select(p => new StatusPeriod(p.Period.ToString(), p.Status.ToWireName(), p.IsDefault))]));
        }

        return new StatusReport(dataset.Id, dataset.Title, accepted, [.. waiting.Order(StringComparer.Ordinal)], rejections, bases);
    }

    /// <summary>The first errors of a report's JSON (contract section 2); none when there is no report or it cannot be read.</summary>
    private static List<StatusIssue> ErrorsOf(string? reportJson)
    {
        if (reportJson is null)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(reportJson);
            return [.. document.RootElement.GetProperty("errors").EnumerateArray().Take(FirstErrors).Select(e => new StatusIssue(
                e.GetProperty("code").GetString() ?? string.Empty,
                e.TryGetProperty("row", out var row) && row.ValueKind == JsonValueKind.Number ? row.GetInt32() : null,
                e.TryGetProperty("column", out var column) ? column.GetString() : null,
                e.GetProperty("message").GetString() ?? string.Empty))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return []; // A report that is not the app's own: the ledger's count still says how many errors it had.
        }
    }
}
