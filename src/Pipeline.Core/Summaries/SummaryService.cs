using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;

namespace Pipeline.Core.Summaries;

/// <summary>
/// Answers summary requests for the HTTP function and the CLI alike, so both return the same bytes. Each answer is
/// one point read of a precomputed document, and none while the document read last is fresh (see
/// <see cref="SummaryOptions.CacheSeconds"/>).
/// </summary>
public sealed class SummaryService(IComparisonStore store, DatasetRegistry datasets, IOptions<SummaryOptions> options, TimeProvider timeProvider)
{
    /// <summary>How many documents (whole, or cut to an area) an instance keeps at most; past it, those no longer fresh go.</summary>
    private const int CacheEntries = 1_000;

    private readonly ConcurrentDictionary<(string, YearBasis, Period?, string?), (StoredSummary Summary, DateTimeOffset ReadAt)> _cache = new();

    public async Task<SummaryResponse> GetAsync(IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default)
    {
        if (!SummaryRequest.TryParse(parameters, out var request, out var problem))
        {
            return SummaryResponse.From(SummaryResult.BadParameter, problem!);
        }

        return await GetAsync(request, cancellationToken);
    }

    public async Task<SummaryResponse> GetAsync(SummaryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!datasets.TryGet(request.Dataset, out var dataset))
        {
            return SummaryResponse.From(SummaryResult.BadParameter, SummaryProblem.BadParameter(
                SummaryRequest.DatasetParameter,
                datasets.UnknownDatasetParameter(request.Dataset)));
        }

        return await GetAsync(request, dataset.Id, cancellationToken);
    }

    /// <summary>
    /// The summary of <paramref name="request"/> from the documents stored under <paramref name="key"/>: the dataset's id
    /// for its documents of continuous publication, a release's key for that release's (Releases/ReleaseSnapshots.cs).
    /// </summary>
    public async Task<SummaryResponse> GetAsync(SummaryRequest request, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // One area's summary reads only what holds it: for a national document, its index and one piece.
        var stored = await ReadAsync(key, request.Basis, request.Period, request.Area, cancellationToken);
        if (stored is null)
        {
            var which = request.Period is { } period ? $"for period {period}" : "yet";
            var when = request.Basis == YearBasis.Rolling
                ? "A rolling comparison exists for a quarter once it and the seven quarters before it are accepted"
                : "Comparisons exist once returns for a period and the one before it are accepted";
            return SummaryResponse.From(SummaryResult.NotFound, SummaryProblem.NotFound(
                $"There is no {request.Basis.ToWireName()} comparison {which}. {when} and a recalculation has run."));
        }

        if (request.Area is null && request.Format == SummaryFormat.Json)
        {
            return Ok(stored.Json, SummaryJson.ContentType);
        }

        var document = SummaryJson.Deserialize(stored.Json);
        if (request.Area is { } code)
        {
            document = document.ForArea(code);
            if (document is null)
            {
                return SummaryResponse.From(SummaryResult.NotFound, SummaryProblem.NotFound($"Area {code} is not in the {request.Basis.ToWireName()} comparison for {stored.Period}."));
            }
        }

        return request.Format == SummaryFormat.Csv
            ? Ok(SummaryCsv.ToUtf8Bytes(document, datasets.TryGet(request.Dataset, out var dataset) ? Withheld.SymbolOf(dataset) : null, dataset?.IsScheduled == true), SummaryCsv.ContentType)
            : Ok(SummaryJson.ToUtf8Bytes(document), SummaryJson.ContentType);
    }

    /// <summary>
    /// Drops this instance's cached documents of <paramref name="dataset"/>, so a recalculation made here shows at once.
    /// Other instances still show it within <see cref="SummaryOptions.CacheSeconds"/>.
    /// </summary>
    public void Forget(string dataset)
    {
        foreach (var key in _cache.Keys.Where(k => k.Item1 == dataset))
        {
            _cache.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// The summary of <paramref name="request"/> (its area and format aside: JSON, every area given) holding only the
    /// areas of <paramref name="codes"/> that it has, read from what holds them: a page of a national dashboard reads the
    /// index and a piece or two, not 10,000 areas. Not found as <see cref="GetAsync(SummaryRequest, CancellationToken)"/> is.
    /// </summary>
    public async Task<SummaryResponse> GetAreasAsync(SummaryRequest request, IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return datasets.TryGet(request.Dataset, out var dataset)
            ? await GetAreasAsync(request, codes, dataset.Id, cancellationToken)
            : await GetAsync(request, cancellationToken);
    }

    /// <summary><see cref="GetAreasAsync(SummaryRequest, IReadOnlyCollection{string}, CancellationToken)"/> from the documents stored under <paramref name="storeKey"/>.</summary>
    public async Task<SummaryResponse> GetAreasAsync(SummaryRequest request, IReadOnlyCollection<string> codes, string storeKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(codes);
        var key = string.Join(',', codes.Order(StringComparer.Ordinal));
        if (await ReadAsync(storeKey, request.Basis, request.Period, key.Length == 0 ? "," : key, cancellationToken) is not { } stored)
        {
            return await GetAsync(request with { Area = null, Format = SummaryFormat.Json }, storeKey, cancellationToken);
        }

        var wanted = codes.ToHashSet(StringComparer.Ordinal);
        var document = SummaryJson.Deserialize(stored.Json);
        document = document with { Areas = [.. document.Areas.Where(a => wanted.Contains(a.Code))] };
        return Ok(SummaryJson.ToUtf8Bytes(document), SummaryJson.ContentType);
    }

    /// <param name="dataset">The dataset's id.</param>
    /// <param name="basis">The year basis.</param>
    /// <param name="period">The period, or null for the basis' default.</param>
    /// <param name="area">Null for every area; else the areas wanted, their codes joined by commas.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    private async Task<StoredSummary?> ReadAsync(string dataset, YearBasis basis, Period? period, string? area, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var fresh = TimeSpan.FromSeconds(options.Value.CacheSeconds);
        var key = (dataset, basis, period, area);
        // The whole document, when this instance has it fresh, holds every area.
        foreach (var held in area is null ? [key] : new[] { key, key with { Item4 = null } })
        {
            if (options.Value.CacheSeconds > 0 && _cache.TryGetValue(held, out var cached) && now - cached.ReadAt < fresh)
            {
                return cached.Summary;
            }
        }

        var summary = area is null
            ? await store.GetAsync(dataset, basis, period, cancellationToken)
            : await store.GetAreasAsync(dataset, basis, period, area.Split(',', StringSplitOptions.RemoveEmptyEntries), cancellationToken);
        if (summary is not null && options.Value.CacheSeconds > 0)
        {
            if (_cache.Count >= CacheEntries)
            {
                foreach (var old in _cache.Where(e => now - e.Value.ReadAt >= fresh).Select(e => e.Key))
                {
                    _cache.TryRemove(old, out _);
                }
            }

            _cache[key] = (summary, now); // "Not found" is not cached: the first recalc shows at once.
        }

        return summary;
    }

    private static SummaryResponse Ok(byte[] body, string contentType) =>
        new(SummaryResult.Found, contentType, body, ETagOf(body), null);

    /// <summary>A strong entity tag from the body's bytes: equal bodies, equal tags.</summary>
    public static string ETagOf(ReadOnlySpan<byte> body) => $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";
}
