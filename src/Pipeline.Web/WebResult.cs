using Microsoft.AspNetCore.Http;
using Pipeline.Core.Summaries;

namespace Pipeline.Web;

/// <summary>
/// An answer to an HTTP request, decided once for the function app and <c>pipeline serve</c> alike: the status, the exact
/// body bytes and their type, and any headers. Each host only writes it.
/// </summary>
public sealed record WebResult(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public const string Json = "application/json; charset=utf-8";

    /// <summary>A problem+json answer (RFC 9457) naming the parameter at fault where there is one.</summary>
    public static WebResult Problem(int status, string title, string detail, string? parameter = null) =>
        new(status, SummaryProblem.ContentType, new SummaryProblem("about:blank", title, status, detail, parameter).ToUtf8Bytes());

    public static WebResult BadParameter(string parameter, string detail) => Problem(StatusCodes.Status400BadRequest, "Bad Request", detail, parameter);

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = Status;
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        if (Status == StatusCodes.Status304NotModified)
        {
            return;
        }

        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, cancellationToken);
    }
}
