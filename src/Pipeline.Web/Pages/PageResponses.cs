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

    /// <summary>
    /// A short page for a request refused before the form is read (a cross-site post, nobody signed in, no role), with a
    /// link to what to do next (by default, the form).
    /// </summary>
    public static WebResult Refusal(int status, string title, string message, (string Href, string Text)? next = null)
    {
        var (href, text) = next ?? ("/submit", "Go to the form");
        var html = new HtmlWriter();
        PageLayout.Begin(html, title, hasError: true);
        html.Element("h1", title, ("class", "govuk-heading-xl")).Element("p", message, ("class", "govuk-body"))
            .Open("p", ("class", "govuk-body")).Element("a", text, ("class", "govuk-link"), ("href", href)).Close("p");
        PageLayout.End(html);
        return Page(status, html.ToString());
    }

    /// <summary>An asset that is not there: problem+json, as every error answer of the app.</summary>
    public static WebResult NotFound(string path) =>
        WebResult.Problem(StatusCodes.Status404NotFound, "Not Found", $"There is no asset '{path}' under {PageAssets.UrlPrefix}.");
}
