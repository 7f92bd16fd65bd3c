using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Pipeline.Core.Summaries;

namespace Pipeline.Functions;

/// <summary><c>GET /api/summary</c>: the latest annual comparison as JSON or CSV (the contract's section 5).</summary>
public sealed class GetSummary(SummaryService summaries, IOptions<SummaryOptions> options)
{
    [Function(nameof(GetSummary))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "summary")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = request.Query
            .Where(p => p.Key != "code") // The function key, when given in the query string, is the host's business.
            .SelectMany(p => p.Value.Count == 0 ? [new KeyValuePair<string, string?>(p.Key, null)] : p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        var response = await summaries.GetAsync(parameters, cancellationToken);

        if (response.ETag is { } etag)
        {
            request.HttpContext.Response.Headers[HeaderNames.ETag] = etag;
            request.HttpContext.Response.Headers[HeaderNames.CacheControl] =
                string.Create(CultureInfo.InvariantCulture, $"public, max-age={options.Value.CacheSeconds}");
            if (Matches(request.Headers.IfNoneMatch, etag))
            {
                return new StatusCodeResult(StatusCodes.Status304NotModified);
            }
        }

        var status = response.Result switch
        {
            SummaryResult.Found => StatusCodes.Status200OK,
            SummaryResult.BadParameter => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status404NotFound,
        };
        return new BytesResult(status, response.ContentType, response.Body);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.SelectMany(v => (v ?? string.Empty).Split(',')).Select(t => t.Trim())
            .Any(t => t == "*" || t == etag || t == "W/" + etag);

    /// <summary>Writes the service's exact bytes, so the HTTP body and the CLI's output cannot drift apart.</summary>
    private sealed class BytesResult(int statusCode, string contentType, byte[] body) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = contentType;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
        }
    }
}
