namespace Pipeline.Core.Ports;

/// <summary>The latest few entries of some datasets, read from the first pages of each dataset's listing, never the whole ledger.</summary>
public static class LatestUploads
{
    /// <summary>
    /// The <paramref name="count"/> most recently uploaded entries of <paramref name="datasets"/> that pass
    /// <paramref name="filter"/>, in the listing's order: one request per dataset, more only when a filtered page comes
    /// back short.
    /// </summary>
    public static async Task<IReadOnlyList<LedgerEntry>> LatestAsync(
        this IUploadLedger ledger, IEnumerable<string> datasets, LedgerFilter filter, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var entries = new List<LedgerEntry>();
        foreach (var dataset in datasets.Distinct(StringComparer.Ordinal))
        {
            var taken = 0;
            string? continuation = null;
            do
            {
                var page = await ledger.ListRecentAsync(dataset, filter, count - taken, continuation, cancellationToken);
                entries.AddRange(page.Entries);
                taken += page.Entries.Count;
                continuation = page.Continuation;
            }
            while (taken < count && continuation is not null);
        }

        // The listing's own order, for the entries of several datasets together.
        return [.. entries.OrderByDescending(e => e.UploadedAt).ThenBy(e => e.File, StringComparer.Ordinal).Take(count)];
    }
}
