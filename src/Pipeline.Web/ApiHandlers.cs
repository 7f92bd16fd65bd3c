using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Publication;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Summaries;
using Pipeline.Core.Validation;
using Pipeline.Web.Access;

namespace Pipeline.Web;

/// <summary>
/// The HTTP API (docs/contract.md, section 7), one method a route. The function classes and <c>pipeline serve</c> only
/// bind a request to these and write the <see cref="WebResult"/>, so the two cannot answer differently. The upload routes
/// are in <c>ApiHandlers.Uploads.cs</c>.
/// </summary>
public sealed partial class ApiHandlers(
    ReturnValidators validators,
    UploadProcessor processor,
    IUploadLedger ledger,
    PublishedFigures published,
    FreshFigures freshFigures,
    IOptions<ValidationOptions> validation,
    IOptions<SummaryOptions> summary,
    ICallers callers,
    ILogger<ApiHandlers> logger)
{
    private const string NameParameter = "name";
    private const string DatasetParameter = "dataset";
    private const string DefaultValidateName = "upload.csv";

    /// <summary><c>POST /api/validate?name=N&amp;dataset=D</c>: the body's validation report; stores nothing.</summary>
    public async Task<WebResult> ValidateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AccessAnswers.SignedIn(callers.Resolve(request), "check returns", out var caller) is { } unsigned)
        {
            return unsigned;
        }

        if (!QueryParameters.TryRead(request.Query, [NameParameter, DatasetParameter], out var values, out var problem))
        {
            return problem!;
        }

        if (!TryDataset(values, out var dataset, out problem))
        {
            return problem!;
        }

        if (AccessAnswers.MaySubmit(caller, dataset.Id, "check returns", logger) is { } refused)
        {
            return refused;
        }

        var name = values.GetValueOrDefault(NameParameter, DefaultValidateName);

        // A body over the limit, when its length is declared, is refused from the length alone: not a byte is read.
        var result = await validators.For(dataset).ValidateAsync(request.Body, name, request.ContentLength, cancellationToken);
        return new WebResult(StatusCodes.Status200OK, WebResult.Json, Encoding.UTF8.GetBytes(ValidationReportJson.Serialize(result.Report)));
    }

    /// <summary><c>GET /api/datasets</c>: every dataset's definition.</summary>
    public WebResult Datasets() =>
        new(StatusCodes.Status200OK, WebResult.Json, JsonSerializer.SerializeToUtf8Bytes(validators.Datasets.All, WebJson.Relaxed.IReadOnlyListDatasetDefinition));

    /// <summary><c>GET /api/summary</c>: docs/contract.md section 5, with a strong ETag and 304 for a matching If-None-Match.</summary>
    public async Task<WebResult> SummaryAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Revalidated(request, await published.SummaryAsync(QueryParameters.Pairs(request.Query), cancellationToken));
    }

    /// <summary>
    /// <c>GET /api/series?dataset=D&amp;area=A&amp;format=F</c>: every accepted quarter's figures (docs/contract.md section 7),
    /// one read of the stored series (none while cached), with a strong ETag and 304 as the summary.
    /// </summary>
    public async Task<WebResult> SeriesAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Revalidated(request, await published.SeriesAsync(QueryParameters.Pairs(request.Query), cancellationToken));
    }

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
        return Matches(request, etag)
            ? new WebResult(StatusCodes.Status304NotModified, response.ContentType, [], headers)
            : new WebResult(status, response.ContentType, response.Body, headers);
    }

    /// <summary>Whether the request's If-None-Match names <paramref name="etag"/> (weakly or strongly) or is <c>*</c>.</summary>
    internal static bool Matches(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.SelectMany(v => (v ?? string.Empty).Split(',')).Select(t => t.Trim())
            .Any(t => t == "*" || t == etag || t == "W/" + etag);

    private bool TryDataset(Dictionary<string, string> values, out DatasetDefinition dataset, out WebResult? problem)
    {
        problem = null;
        var id = values.GetValueOrDefault(DatasetParameter);
        if (validators.Datasets.TryGet(id ?? DatasetDefinition.DefaultId, out dataset))
        {
            return true;
        }

        problem = WebResult.BadParameter(
            DatasetParameter, validators.Datasets.UnknownDatasetParameter(id));
        return false;
    }
}
