using Microsoft.AspNetCore.Http;
using Pipeline.Core.Summaries;

namespace Pipeline.Web;

/// <summary>
/// An answer to an HTTP request, decided once for the function app and <c>pipeline serve</c> alike: the status, the exact
/// body bytes and their type, and any headers. It is an ASP.NET Core <see cref="IResult"/>: the function classes return
/// it and the worker's ASP.NET Core integration executes it, and <c>pipeline serve</c>'s routes return it and minimal APIs
/// execute it. Every answer of either host is written here: the headers every answer carries are set here and nowhere else.
/// </summary>
public sealed record WebResult(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null) : IResult
{
    public const string Json = "application/json; charset=utf-8";

    /// <summary>
    /// A body written as it is read from storage (a national series whole), of a length known before its first byte;
    /// when set, it is the body and <see cref="Body"/> is empty.
    /// </summary>
    public StreamedBody? Streamed { get; init; }

    /// <summary>A problem+json answer (RFC 9457) naming the parameter at fault where there is one.</summary>
    public static WebResult Problem(int status, string title, string detail, string? parameter = null) =>
        new(status, SummaryProblem.ContentType, new SummaryProblem("about:blank", title, status, detail, parameter).ToUtf8Bytes());

    public static WebResult BadParameter(string parameter, string detail) => Problem(StatusCodes.Status400BadRequest, "Bad Request", detail, parameter);

    /// <summary>
    /// Writes the answer. Every answer, errors and 304s included, says <c>X-Content-Type-Options: nosniff</c>, so no
    /// browser reads a JSON or CSV body (which may quote a partner's file) as a page or a script. A HEAD request gets
    /// what GET would (RFC 9110 section 9.3.2): the same status and headers, Content-Length included, and no body.
    /// </summary>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        response.Headers.XContentTypeOptions = "nosniff";
        if (Status == StatusCodes.Status304NotModified)
        {
            return;
        }

        response.ContentType = ContentType;
        response.ContentLength = Streamed is { } body ? body.Length : Body.Length;
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }

        if (Streamed is { } streamed)
        {
            await streamed.WriteAsync(response.Body, httpContext.RequestAborted);
        }
        else
        {
            await response.Body.WriteAsync(Body, httpContext.RequestAborted);
        }
    }
}
