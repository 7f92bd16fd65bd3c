using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Pipeline.Web;

/// <summary>
/// The error answers of <c>pipeline serve</c> that no handler writes, as problem+json (RFC 9457) in the shape of every
/// other (<see cref="WebResult.Problem"/>): an unknown route (404), a method the route does not take (405, with the
/// routing's <c>Allow</c> header), a path with a <c>..</c> segment (400, before routing can resolve it), a body Kestrel
/// cannot read (its own status: a malformed chunk is 400) and any other failure (500). Kestrel refuses some requests
/// before any of this runs (a malformed request line, a <c>%00</c> in the path, a bad <c>Content-Length</c>, a target or
/// headers over its limits): those answers are Kestrel's own, with no body, and no middleware can reach them.
/// </summary>
public static class ProblemAnswers
{
    private const string BadRequest = "Bad Request";

    /// <summary>Adds the problem answers; call it before the routes are mapped.</summary>
    public static IApplicationBuilder UsePipelineProblems(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = static e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            ExceptionHandler = AnswerFailureAsync,
        });
        app.UseStatusCodePages(static c => AnswerEmptyAsync(c.HttpContext));
        app.Use(RefuseDotSegmentsAsync);
        return app;
    }

    /// <summary>
    /// Kestrel removes dot segments before routing (<c>/assets/../api/summary</c> would be served as /api/summary), so the
    /// target is read as the client sent it, percent-decoded (<c>%2e%2e</c>, <c>..%2f</c>), and refused if any segment is
    /// <c>..</c>: a path names one resource, never another one relative to it.
    /// </summary>
    private static Task RefuseDotSegmentsAsync(HttpContext context, RequestDelegate next)
    {
        var path = RequestTarget.RawPath(context.Request) ?? context.Request.Path.Value ?? string.Empty;
        if (!Uri.UnescapeDataString(path).Split('/', '\\').Contains(".."))
        {
            return next(context);
        }

        return WebResult.Problem(
                StatusCodes.Status400BadRequest,
                BadRequest,
                "The path has a '..' segment. A path is never resolved against another: ask for the resource by its own path.")
            .ExecuteAsync(context);
    }

    /// <summary>An error status that nothing gave a body: routing's 404 and 405, so far.</summary>
    private static Task AnswerEmptyAsync(HttpContext context)
    {
        var response = context.Response;
        var status = response.StatusCode;

        // HEAD gets the headers GET would (RFC 9110 section 9.3.2), Content-Length included, so its detail is GET's.
        var method = HttpMethods.IsHead(context.Request.Method) ? HttpMethods.Get : context.Request.Method;
        var detail = status switch
        {
            StatusCodes.Status404NotFound =>
                $"Nothing is served at {context.Request.Path}. The API's routes are described at /api/openapi.json; the pages are / and /submit.",
            StatusCodes.Status405MethodNotAllowed =>
                $"{context.Request.Path} does not answer {method}. It answers {response.Headers.Allow}.",
            _ => $"The server answered {status} {ReasonPhrases.GetReasonPhrase(status)} and has nothing to add.",
        };
        return WebResult.Problem(status, ReasonPhrases.GetReasonPhrase(status), detail).ExecuteAsync(context);
    }

    /// <summary>
    /// An exception no handler caught, the status already chosen by <see cref="ExceptionHandlerOptions.StatusCodeSelector"/>:
    /// a body Kestrel could not read says why (its message names no more than the framing at fault); anything else says
    /// only that the server failed, since its message may name storage accounts or files.
    /// </summary>
    private static Task AnswerFailureAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var detail = context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad
            ? $"The request's body could not be read: {bad.Message}"
            : "The server failed while answering this request. Try again; if it fails again, report it with the time of the request.";
        return WebResult.Problem(status, ReasonPhrases.GetReasonPhrase(status), detail).ExecuteAsync(context);
    }
}
