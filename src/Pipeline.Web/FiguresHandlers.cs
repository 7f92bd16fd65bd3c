using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pipeline.Core.Datasets;
using Pipeline.Core.Publication;
using Pipeline.Core.Summaries;
using Pipeline.Core.Workbooks;

namespace Pipeline.Web;

/// <summary>
/// The published figures' routes (docs/contract.md, sections 5 and 7): the summary and the series, each read through
/// <see cref="Core.Publication.PublishedFigures"/> (a spreadsheet, <c>format=ods</c>, made from it by <see cref="PublishedWorkbooks"/>,
/// saved under the file name it gives), with a strong ETag, <c>max-age</c> and 304 for a matching If-None-Match.
/// </summary>
public sealed class FiguresHandlers(PublishedFigures published, PublishedWorkbooks workbooks, IOptions<SummaryOptions> summary, PreviewGate previews, DatasetRegistry datasets)
{
    /// <summary><c>GET /api/summary</c>: docs/contract.md section 5, with a strong ETag and 304 for a matching If-None-Match.</summary>
    public async Task<WebResult> SummaryAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (rest, preview, problem) = PreviewGate.Split(request.Query);
        if (problem is not null || !preview)
        {
            return problem ?? Revalidated(request, await workbooks.SummaryAsync(QueryParameters.Pairs(request.Query), cancellationToken));
        }

        return await PreviewAsync(request, rest, async coming =>
            SummaryRequest.TryParse(rest, out var asked, out var bad)
                ? await published.SummaryAsync(asked, coming, cancellationToken)
                : SummaryResponse.From(SummaryResult.BadParameter, bad!), cancellationToken);
    }

    /// <summary>
    /// <c>GET /api/series?dataset=D&amp;area=A&amp;format=F</c>: every accepted quarter's figures (docs/contract.md section 7),
    /// one read of the stored series (none while cached), with a strong ETag and 304 as the summary; a large series whole
    /// is streamed from storage, never held.
    /// </summary>
    public async Task<WebResult> SeriesAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (rest, preview, problem) = PreviewGate.Split(request.Query);
        if (problem is not null || !preview)
        {
            return problem ?? Revalidated(request, await workbooks.SeriesAsync(QueryParameters.Pairs(request.Query), cancellationToken));
        }

        return await PreviewAsync(request, rest, coming => published.SeriesAsync(rest, coming, cancellationToken), cancellationToken);
    }

    /// <summary>The coming release's answer for a pre-release reader (recorded), marked and never cached; or the refusal.</summary>
    private async Task<WebResult> PreviewAsync(
        HttpRequest request, List<KeyValuePair<string, string?>> rest, Func<Core.Releases.Release, Task<SummaryResponse>> read, CancellationToken cancellationToken)
    {
        var datasetId = rest.FirstOrDefault(p => p.Key == SummaryRequest.DatasetParameter).Value;
        var (coming, refusal) = await previews.OpenAsync(request, datasetId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var response = await read(coming!);
        var status = response.Result switch
        {
            SummaryResult.Found => StatusCodes.Status200OK,
            SummaryResult.BadParameter => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status404NotFound,
        };
        return PreviewGate.Mark(new WebResult(status, response.ContentType, response.Body) { Streamed = response.Streamed }, coming!, datasets.Get(coming!.Dataset));
    }

    /// <summary>Whether the request's If-None-Match names <paramref name="etag"/> (weakly or strongly) or is <c>*</c>.</summary>
    internal static bool Matches(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.SelectMany(v => (v ?? string.Empty).Split(',')).Select(t => t.Trim())
            .Any(t => t == "*" || t == etag || t == "W/" + etag);

    /// <summary>A document's answer with its ETag and max-age, or 304 when the request's If-None-Match names that ETag.</summary>
    private WebResult Revalidated(HttpRequest request, SummaryResponse response)
    {
        var status = response.Result switch
        {
            SummaryResult.Found => StatusCodes.Status200OK,
            SummaryResult.BadParameter => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status404NotFound,
        };
        if (response.ETag is not { } etag)
        {
            return new WebResult(status, response.ContentType, response.Body);
        }

        var headers = new Dictionary<string, string>
        {
            ["ETag"] = etag,
            ["Cache-Control"] = string.Create(CultureInfo.InvariantCulture, $"public, max-age={summary.Value.CacheSeconds}"),
        };
        if (response.FileName is { } file)
        {
            headers["Content-Disposition"] = $"attachment; filename=\"{file}\"";
        }

        return Matches(request, etag)
            ? new WebResult(StatusCodes.Status304NotModified, response.ContentType, [], headers)
            : new WebResult(status, response.ContentType, response.Body, headers) { Streamed = response.Streamed };
    }
}
