using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Publication;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;

namespace Pipeline.Web.Pages;

/// <summary>
/// GET / (docs/contract.md section 9): the dashboard of the dataset, basis, period and area the query names (defaults as
/// the summary's). It reads two stored documents, the summary (every area, through <see cref="PublishedFigures"/>, which decides what the public may see) and the
/// series, each cached for CacheSeconds, so a view costs at most two storage reads and none
/// while both are cached. The ETag is derived from both documents, the view asked for and this build, so a browser that
/// has the page gets 304.
/// </summary>
public sealed class DashboardHandlers(PublishedFigures published, DatasetRegistry datasets, IOptions<SummaryOptions> options, PageRenderer pages)
{
    private static readonly string[] Known = [SummaryRequest.DatasetParameter, SummaryRequest.BasisParameter, SummaryRequest.PeriodParameter, SummaryRequest.AreaParameter];

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

        if (!SummaryRequest.TryParse(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)), out var asked, out var bad))
        {
            var basis = YearBasisNames.TryParse(values.GetValueOrDefault(SummaryRequest.BasisParameter), out var b) ? b : YearBasis.Calendar;
            var periods = bad!.Parameter == SummaryRequest.PeriodParameter ? await PeriodsAsync(dataset, basis, cancellationToken) : [];
            return await ProblemAsync(StatusCodes.Status400BadRequest, bad.Detail, bad.Parameter, dataset, basis, periods);
        }

        var found = await published.SummaryAsync(asked with { Area = null, Format = SummaryFormat.Json }, cancellationToken);
        if (found.Result != SummaryResult.Found)
        {
            var which = asked.Period is { } p ? $"for {PeriodLabels.Label(p)}" : "yet";
            return await ProblemAsync(
                StatusCodes.Status404NotFound, $"There is no {asked.Basis.ToWireName()} comparison of {dataset.Title.ToLowerInvariant()} {which}.", null, dataset, asked.Basis,
                await PeriodsAsync(dataset, asked.Basis, cancellationToken));
        }

        var summary = SummaryJson.Deserialize(found.Body);
        if (asked.Area is { } code && summary.ForArea(code) is null)
        {
            return await ProblemAsync(
                StatusCodes.Status404NotFound, $"Area {code} is not in the {asked.Basis.ToWireName()} comparison for {PeriodLabels.Label(summary.Period)}.", SummaryRequest.AreaParameter,
                dataset, asked.Basis, [], [.. summary.Areas.Select(a => (a.Code, a.Name))]);
        }

        var seriesJson = await published.SeriesDocumentAsync(dataset.Id, cancellationToken);
        var etag = ETagOf(found.Body, seriesJson, dataset.Id, summary.Basis.ToWireName(), summary.Period.ToString(), asked.Area);
        var headers = PageResponses.SecurityHeaders();
        headers["ETag"] = etag;
        headers["Cache-Control"] = string.Create(CultureInfo.InvariantCulture, $"public, max-age={options.Value.CacheSeconds}");
        if (FiguresHandlers.Matches(request, etag))
        {
            return new WebResult(StatusCodes.Status304NotModified, PageResponses.Html, [], headers);
        }

        var seriesDocument = seriesJson is null ? null : SeriesJson.Deserialize(seriesJson, dataset);
        var model = new DashboardModel(
            datasets.All, dataset, summary, SourceView.Read(found.Body), seriesDocument, asked.Area,
            seriesDocument is null ? [] : ComparablePeriods.Of(summary.Basis, seriesDocument.Quarters.Select(q => q.Quarter)));
        var html = await pages.RenderAsync<DashboardPage, DashboardModel>(model);
        return new WebResult(StatusCodes.Status200OK, PageResponses.Html, Encoding.UTF8.GetBytes(html), headers);
    }

    /// <summary>The periods of the basis with a comparison, from the series (one read, or none while cached).</summary>
    private async Task<IReadOnlyList<(Period Period, ComparisonStatus Status)>> PeriodsAsync(DatasetDefinition dataset, YearBasis basis, CancellationToken cancellationToken) =>
        await published.SeriesDocumentAsync(dataset.Id, cancellationToken) is { } json
            ? ComparablePeriods.Of(basis, SeriesJson.Deserialize(json, dataset).Quarters.Select(q => q.Quarter))
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

    private static string ETagOf(byte[] summary, byte[]? seriesJson, params string?[] view)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(SHA256.HashData(summary));
        hash.AppendData(SHA256.HashData(seriesJson ?? []));
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\n', [Build, .. view])));
        return $"\"{Convert.ToHexStringLower(hash.GetHashAndReset())[..32]}\"";
    }
}
