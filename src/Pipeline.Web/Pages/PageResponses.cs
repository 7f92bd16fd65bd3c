using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Web.Pages;

/// <summary>
/// The headers every page and asset is served with: a strict Content-Security-Policy (no script at all, styles, images and
/// fonts from this origin only, forms posted only here, never framed) and same-origin referrers. nosniff is on every
/// answer, pages or not: <see cref="WebResult.ExecuteAsync"/> sets it.
/// </summary>
internal static class PageResponses
{
    public const string Html = "text/html; charset=utf-8";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static Dictionary<string, string> SecurityHeaders() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["Referrer-Policy"] = "same-origin",
    };

    /// <summary>A page: never cached, since it shows the ledger as it is now.</summary>
    public static WebResult Page(int status, string html)
    {
        var headers = SecurityHeaders();
        headers["Cache-Control"] = "no-store";
        return new WebResult(status, Html, Encoding.UTF8.GetBytes(html), headers);
    }

    /// <summary>An asset that is not there: problem+json, as every error answer of the app.</summary>
    public static WebResult NotFound(string path) =>
        WebResult.Problem(StatusCodes.Status404NotFound, "Not Found", $"There is no asset '{path}' under {PageAssets.UrlPrefix}.");
}
