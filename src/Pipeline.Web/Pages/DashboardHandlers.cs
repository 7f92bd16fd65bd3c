using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Publication;
using Pipeline.Core.Releases;
using Pipeline.Core.Summaries;
using Pipeline.Core.Validation;

namespace Pipeline.Web.Pages;

/// <summary>
/// GET / (docs/contract.md section 9): the dashboard of the dataset, basis, period and area the query names (defaults as
/// the summary's). It reads, through <see cref="PublishedFigures"/> (which decides what the public may see), the summary
/// (every area's, or for one area only what holds it) and what it charts of the series (the totals, and the area's
/// figures), each cached for CacheSeconds: for the samples two storage reads, none while both are cached. The ETag is derived from both documents, the view asked for and this build, so a browser that
/// has the page gets 304.
/// </summary>
public sealed class DashboardHandlers(
    PublishedFigures published, DatasetRegistry datasets, IOptions<SummaryOptions> options, IOptions<ValidationOptions> validation, PageRenderer pages,
    PreviewGate previews, ReleaseSnapshots releases, TimeProvider timeProvider)
{
    private static readonly string[] Known = [SummaryRequest.DatasetParameter, SummaryRequest.BasisParameter, SummaryRequest.PeriodParameter, SummaryRequest.AreaParameter, AreaPage.PageParameter, AreaPage.SearchParameter, PreviewGate.Parameter];

    /// <summary>The parameters the summary takes; the dashboard's own (page, search) are read here.</summary>
    private static readonly string[] OfTheSummary = [SummaryRequest.DatasetParameter, SummaryRequest.BasisParameter, SummaryRequest.PeriodParameter, SummaryRequest.AreaParameter];

    /// <summary>Each dataset's areas in code order, sorted once (10,000 of them in a national deployment), not every view.</summary>
    private readonly ConcurrentDictionary<string, List<(string Code, string Name)>> _choices = new(StringComparer.Ordinal);

    /// <summary>Changes with every build, so a new version's page is never answered with an old one's 304.</summary>
    private static readonly string Build = typeof(DashboardHandlers).Assembly.ManifestModule.ModuleVersionId.ToString();

    public async Task<WebResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The form sends an empty value for "Latest" and "All areas": an empty parameter is one not given. An unknown
        // parameter is none of the form's fields; a repeated one is.
        if (!QueryParameters.TryRead(request.Query, Known, out var values, out var unusable, "The dashboard", emptyIsAbsent: true))
        {
            var field = Known.Contains(unusable!.Parameter, StringComparer.Ordinal) ? unusable.Parameter : null;
            return await ProblemAsync(StatusCodes.Status400BadRequest, unusable.Detail, field, datasets.Default, YearBasis.Calendar);
        }

        if (!datasets.TryGet(values.GetValueOrDefault(SummaryRequest.DatasetParameter, DatasetDefinition.DefaultId), out var dataset))
        {
            return await ProblemAsync(StatusCodes.Status400BadRequest, datasets.UnknownDatasetParameter(values[SummaryRequest.DatasetParameter]), SummaryRequest.DatasetParameter, datasets.Default, YearBasis.Calendar);
        }

        if (!SummaryRequest.TryParse(values.Where(v => OfTheSummary.Contains(v.Key, StringComparer.Ordinal)).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)), out var asked, out var bad))
        {
            var basis = YearBasisNames.TryParse(values.GetValueOrDefault(SummaryRequest.BasisParameter), out var b) ? b : YearBasis.Calendar;
            var periods = bad!.Parameter == SummaryRequest.PeriodParameter ? await PeriodsAsync(dataset, basis, cancellationToken) : [];
            return await ProblemAsync(StatusCodes.Status400BadRequest, bad.Detail, bad.Parameter, dataset, basis, periods);
        }

        // A pre-release reader's view of the coming release (preview=true): refused as a page, recorded, never cached.
        Release? coming = null;
        if (values.TryGetValue(PreviewGate.Parameter, out var previewText) && previewText != "false")
        {
            (coming, var refusal) = previewText == "true" ? await previews.OpenAsync(request, dataset.Id, cancellationToken) : (null, WebResult.BadParameter(PreviewGate.Parameter, "Parameter 'preview' is 'true' or 'false'."));
            if (refusal is not null)
            {
                var detail = System.Text.Json.JsonDocument.Parse(refusal.Body).RootElement.GetProperty("detail").GetString()!;
                return await pages.PageAsync<RefusalPage, Refusal>(refusal.Status, new Refusal(refusal.Status, "You cannot see this release", detail, "/?dataset=" + Uri.EscapeDataString(dataset.Id), "Go to the published figures"));
            }
        }

        AreaPage? paging = null;
        List<string>? pageCodes = null;

        // More than a page of areas (a national deployment): the tables show a page of them, in code order, or of those
        // a search found, and only the pieces holding them are read.
        var choices = _choices.GetOrAdd(dataset.Id, _ => [.. (dataset.Areas ?? validation.Value.EffectiveAreas).OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => (a.Code, a.Name))]);
        if (asked.Area is null && (choices.Count > AreaPage.PerPage || values.ContainsKey(AreaPage.SearchParameter) || values.ContainsKey(AreaPage.PageParameter)))
        {
            var search = values.GetValueOrDefault(AreaPage.SearchParameter);
            var matching = search is null ? choices
                : [.. choices.Where(a => a.Code.Contains(search, StringComparison.OrdinalIgnoreCase) || a.Name.Contains(search, StringComparison.OrdinalIgnoreCase))];
            var pages = Math.Max(1, (matching.Count + AreaPage.PerPage - 1) / AreaPage.PerPage);
            var number = 1;
            if (values.TryGetValue(AreaPage.PageParameter, out var pageText) &&
                (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1 || number > pages))
            {
                return await ProblemAsync(
                    StatusCodes.Status400BadRequest, $"Parameter 'page': '{pageText}' is not a page of the areas. Use a whole number from 1 to {pages}.", null, dataset, asked.Basis,
                    await PeriodsAsync(dataset, asked.Basis, cancellationToken));
            }

            paging = new AreaPage(number, pages, matching.Count, search);
            pageCodes = [.. paging.Of(matching).Select(a => a.Code)];
        }

        // One area's view reads that area's summary (for a national document, its index and one piece) and its series
        // (the series' index and one run of areas); all areas', the summary (or a page of its areas) and every quarter's
        // totals.
        var found = pageCodes is null
            ? await published.SummaryAsync(asked with { Format = SummaryFormat.Json }, coming, cancellationToken)
            : await published.SummaryForAreasAsync(asked with { Format = SummaryFormat.Json }, pageCodes, coming, cancellationToken);
        if (found.Result != SummaryResult.Found)
        {
            var whole = asked.Area is null ? found : await published.SummaryAsync(asked with { Area = null, Format = SummaryFormat.Json }, coming, cancellationToken);
            if (whole.Result == SummaryResult.Found)
            {
                var all = SummaryJson.Deserialize(whole.Body);
                return await ProblemAsync(
                    StatusCodes.Status404NotFound, $"Area {asked.Area} is not in the {asked.Basis.ToWireName()} comparison for {PeriodLabels.Label(all.Period)}.", SummaryRequest.AreaParameter,
                    dataset, asked.Basis, [], [.. all.Areas.Select(a => (a.Code, a.Name))]);
            }

            var which = asked.Period is { } p ? $"for {PeriodLabels.Label(p)}" : "yet";
            var unpublished = dataset.IsScheduled && found.Problem?.Detail is { } nothing && nothing.StartsWith("No figures", StringComparison.Ordinal) ? nothing : null;
            return await ProblemAsync(
                StatusCodes.Status404NotFound, unpublished ?? $"There is no {asked.Basis.ToWireName()} comparison of {dataset.Title.ToLowerInvariant()} {which}.", null, dataset, asked.Basis,
                await PeriodsAsync(dataset, asked.Basis, coming, cancellationToken));
        }

        var summary = SummaryJson.Deserialize(found.Body);
        var series = await published.SeriesViewAsync(dataset, asked.Area, coming, cancellationToken);
        var (latest, next) = dataset.IsScheduled ? await releases.TimelineAsync(dataset, timeProvider.GetUtcNow(), cancellationToken) : (null, null);
        var release = ReleaseView.Of(dataset, latest, next, coming);
        var etag = ETagOf(found.Body, series?.Sha256, dataset.Id, summary.Basis.ToWireName(), summary.Period.ToString(), asked.Area, paging?.ToString(), release?.ToString());
        var headers = PageResponses.SecurityHeaders();
        headers["ETag"] = etag;
        headers["Cache-Control"] = string.Create(CultureInfo.InvariantCulture, $"public, max-age={options.Value.CacheSeconds}");
        if (coming is not null)
        {
            headers.Remove("ETag");
            headers["Cache-Control"] = "private, no-store";
        }
        else if (FiguresHandlers.Matches(request, etag))
        {
            return new WebResult(StatusCodes.Status304NotModified, PageResponses.Html, [], headers);
        }

        var model = new DashboardModel(
            datasets.All, dataset, summary, SourceView.Read(found.Body), series?.Document, asked.Area,
            series is { } view ? ComparablePeriods.Of(summary.Basis, view.Document.Quarters.Select(q => q.Quarter)) : [], choices, paging, release);
        var html = await pages.RenderAsync<DashboardPage, DashboardModel>(model);
        return new WebResult(StatusCodes.Status200OK, PageResponses.Html, Encoding.UTF8.GetBytes(html), headers);
    }

    /// <summary>The periods of the basis with a comparison, from the series (one read, or none while cached).</summary>
    private async Task<IReadOnlyList<(Period Period, ComparisonStatus Status)>> PeriodsAsync(DatasetDefinition dataset, YearBasis basis, CancellationToken cancellationToken) =>
        await PeriodsAsync(dataset, basis, null, cancellationToken);

    /// <summary>The periods of the basis with a comparison, published or of the coming release <paramref name="coming"/>.</summary>
    private async Task<IReadOnlyList<(Period Period, ComparisonStatus Status)>> PeriodsAsync(DatasetDefinition dataset, YearBasis basis, Release? coming, CancellationToken cancellationToken) =>
        await published.SeriesViewAsync(dataset, null, coming, cancellationToken) is { } view
            ? ComparablePeriods.Of(basis, view.Document.Quarters.Select(q => q.Quarter))
            : [];

    private Task<WebResult> ProblemAsync(
        int status,
        string message,
        string? field,
        DatasetDefinition dataset,
        YearBasis basis,
        IReadOnlyList<(Period Period, ComparisonStatus Status)>? periods = null,
        IReadOnlyList<(string Code, string Name)>? areas = null)
    {
        var title = status == StatusCodes.Status404NotFound ? "There are no figures for this choice" : "The figures cannot be shown";
        var problem = new DashboardProblem(status, title, message, field, datasets.All, dataset, basis, periods ?? [], areas ?? []);
        return pages.PageAsync<DashboardProblemPage, DashboardProblem>(status, problem);
    }

    private static string ETagOf(byte[] summary, string? seriesSha256, params string?[] view)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(SHA256.HashData(summary));
        hash.AppendData(Encoding.UTF8.GetBytes(seriesSha256 ?? "no series"));
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\n', [Build, .. view])));
        return $"\"{Convert.ToHexStringLower(hash.GetHashAndReset())[..32]}\"";
    }
}
