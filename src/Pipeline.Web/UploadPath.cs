using Microsoft.AspNetCore.Http;

namespace Pipeline.Web;

/// <summary>
/// The name a <c>PUT /api/uploads/{name}</c> sends. Servers decode a request's path except for <c>%2F</c>, which they
/// leave as it is, so the route's value cannot tell <c>a%2Fb.csv</c> (a folder, escaped by a client that escapes the
/// whole name) from <c>a%252Fb.csv</c> (a name with the characters <c>%2F</c> in it). The request's own target, where
/// the server gives it, is decoded here exactly once: <c>%2F</c> is a folder separator, as <c>/</c> is, and every other
/// escape is the character it stands for. The name is then checked as it is (<see cref="Core.UploadNames"/>):
/// dot segments and all, which the server's own path has already resolved away.
/// </summary>
internal static class UploadPath
{
    private const string Prefix = "/api/uploads/";

    public static string NameOf(HttpRequest request, string routed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(routed);
        if (RequestTarget.RawPath(request) is { } raw && raw.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Uri.UnescapeDataString(raw[Prefix.Length..]);
        }

        // No raw target (a host that gives only the routed value): its one undecoded escape, %2F, is a folder too.
        return routed.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }
}
