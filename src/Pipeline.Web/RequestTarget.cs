using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Pipeline.Web;

/// <summary>
/// The request's path exactly as the client sent it. The server's own path has dot segments resolved and every escape
/// but <c>%2F</c> decoded; the checks that must see what was sent (a <c>..</c> segment, an upload's name) read this.
/// </summary>
internal static class RequestTarget
{
    /// <summary>The raw request target up to its query (or fragment), still escaped; null when the server gives none.</summary>
    public static string? RawPath(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (target is null)
        {
            return null;
        }

        var end = target.IndexOfAny(['?', '#']);
        return end < 0 ? target : target[..end];
    }
}
