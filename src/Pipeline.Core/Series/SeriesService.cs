using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Series;

/// <summary>
/// Answers series requests (<c>GET /api/series</c>, and the dashboard's chart): one read of the document the last
/// recalculation stored (two when it is large enough to be kept as a blob), and none while the one read last is fresh
/// (<see cref="SummaryOptions.CacheSeconds"/>, as the summaries).
/// </summary>
public sealed partial class SeriesService(IComparisonStore store, DatasetRegistry datasets, IOptions<SummaryOptions> options, TimeProvider timeProvider)
{
    public const string DatasetParameter = "dataset";
    public const string AreaParameter = "area";
    public const string FormatParameter = "format";

    private static readonly string[] Known = [DatasetParameter, AreaParameter, FormatParameter];

    private readonly ConcurrentDictionary<string, (StoredSeries Series, DateTimeOffset ReadAt)> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>dataset</c> (default the default dataset), <c>area</c> (a GSS code) and <c>format</c> (<c>json</c> or <c>csv</c>;
    /// <c>ods</c> is made from this by Workbooks/PublishedWorkbooks).
    /// </summary>
    public Task<SummaryResponse> GetAsync(IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default) =>
        GetAsync(parameters, null, cancellationToken);

    /// <summary>
    /// The series for <paramref name="parameters"/>, read from the documents stored under the key <paramref name="source"/>
    /// gives for the dataset (a release's, Releases/ReleaseSnapshots.cs), or the answer it gives instead (nothing
    /// published yet); the dataset's own documents when <paramref name="source"/> is null.
    /// </summary>
    public async Task<SummaryResponse> GetAsync(
        IEnumerable<KeyValuePair<string, string?>> parameters, Func<DatasetDefinition, Task<(string? Key, SummaryResponse? Answer)>>? source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            var problem = !Known.Contains(name, StringComparer.Ordinal) ? $"Unknown parameter '{name}'. The series takes {string.Join(", ", Known)}."
                : string.IsNullOrWhiteSpace(value) ? $"Parameter '{name}' is empty. Give it a value or leave it out."
                : !values.TryAdd(name, value.Trim()) ? $"Parameter '{name}' is given more than once. Give it once."
                : null;
            if (problem is not null)
            {
                return Bad(name, problem);
            }
        }

        var id = values.GetValueOrDefault(DatasetParameter, DatasetDefinition.DefaultId);
        if (!datasets.TryGet(id, out var dataset))
        {
            return Bad(DatasetParameter, datasets.UnknownDatasetParameter(id));
        }

        var area = values.GetValueOrDefault(AreaParameter);
        if (area is not null && !GssCode.IsValid(area))
        {
            return Bad(AreaParameter, GssCode.NotACode(AreaParameter, area));
        }

        var format = values.GetValueOrDefault(FormatParameter, "json");
        if (format is not ("json" or "csv"))
        {
            return Bad(FormatParameter, $"Parameter 'format': '{format}' is not a format. Use 'json', 'csv' or 'ods'.");
        }

        var key = dataset.Id;
        if (source is not null)
        {
            var (found, answer) = await source(dataset);
            if (found is null)
            {
                return answer!;
            }

            key = found;
        }

        if (await ReadAsync(key, cancellationToken) is not { } stored)
        {
            return SummaryResponse.From(SummaryResult.NotFound, SummaryProblem.NotFound(
                $"There is no series of {dataset.Id} yet. It is computed with the comparisons, once a return is accepted and a recalculation has run."));
        }

        if (stored.Index is { } index)
        {
            return await FromPiecesAsync(dataset, stored, index, area, format, cancellationToken);
        }

        var json = stored.Json!;
        if (area is null && format == "json")
        {
            return Ok(json, SeriesJson.ContentType);
        }

        var document = SeriesJson.Deserialize(json, dataset);
        if (area is not null)
        {
            document = document.ForArea(area);
            if (document is null)
            {
                return NoSuchArea(dataset, area);
            }
        }

        return format == "csv" ? Ok(SeriesCsv.ToUtf8Bytes(document, Withheld.SymbolOf(dataset)), SeriesCsv.ContentType) : Ok(SeriesJson.ToUtf8Bytes(document), SeriesJson.ContentType);
    }

    /// <summary>
    /// The dataset's stored series JSON whole, from this instance's cache while fresh; null before its first
    /// recalculation. A large series is read whole from its pieces: for the few readers that need every figure at once.
    /// </summary>
    public async Task<byte[]?> DocumentAsync(string dataset, CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(dataset, cancellationToken) is not { } stored)
        {
            return null;
        }

        if (stored.Json is { } json)
        {
            return json;
        }

        using var whole = new MemoryStream((int)stored.Bytes);
        await WriteJsonAsync(stored.Index!, whole, cancellationToken);
        return whole.ToArray();
    }

    /// <summary>The dataset's series as stored, from this instance's cache while fresh; null before its first recalculation.</summary>
    private async Task<StoredSeries?> ReadAsync(string dataset, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (options.Value.CacheSeconds > 0 && _cache.TryGetValue(dataset, out var cached) && now - cached.ReadAt < TimeSpan.FromSeconds(options.Value.CacheSeconds))
        {
            return cached.Series;
        }

        var series = await store.GetSeriesAsync(dataset, cancellationToken);
        if (series is not null)
        {
            _cache[dataset] = (series, now); // "Not found" is not cached, as for the summaries.
        }

        return series;
    }

    /// <summary>Drops this instance's cached series of <paramref name="dataset"/>, so a recalculation made here shows at once.</summary>
    public void Forget(string dataset) => _cache.TryRemove(dataset, out _);

    private static SummaryResponse NoSuchArea(DatasetDefinition dataset, string area) =>
        SummaryResponse.From(SummaryResult.NotFound, SummaryProblem.NotFound($"Area {area} is in no accepted quarter of {dataset.Id}."));

    private static SummaryResponse Bad(string parameter, string detail) =>
        SummaryResponse.From(SummaryResult.BadParameter, SummaryProblem.BadParameter(parameter, detail));

    private static SummaryResponse Ok(byte[] body, string contentType) =>
        new(SummaryResult.Found, contentType, body, SummaryService.ETagOf(body), null);
}
