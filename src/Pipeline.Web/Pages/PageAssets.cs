using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Web.Pages;

/// <summary>
/// The pages' stylesheet, fonts and images, copied at build time from node_modules/govuk-frontend/dist/govuk (and the
/// app's own small stylesheet) into <c>wwwroot/govuk</c> beside the app and served from <c>/assets/...</c>, where the
/// GOV.UK Frontend stylesheet looks for its fonts and images. Only files found there at start, with a known type, are
/// served: a path is looked up, never joined onto the folder.
/// </summary>
public sealed class PageAssets
{
    public const string UrlPrefix = "/assets/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".css"] = "text/css; charset=utf-8",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".json"] = "application/manifest+json",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, string> files;
    private readonly ConcurrentDictionary<string, WebResult> loaded = new(StringComparer.Ordinal);

    public PageAssets()
        : this(Path.Combine(AppContext.BaseDirectory, "wwwroot", "govuk"))
    {
    }

    public PageAssets(string root)
    {
        files = (Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [])
            .Where(f => ContentTypes.ContainsKey(Path.GetExtension(f)))
            .ToFrozenDictionary(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), f => f, StringComparer.Ordinal);
    }

    /// <summary>The asset at <paramref name="path"/> (relative to /assets/), or a 404 problem.</summary>
    public WebResult Get(string path)
    {
        if (!files.TryGetValue(path, out var file))
        {
            return PageResponses.NotFound(path);
        }

        return loaded.GetOrAdd(path, _ =>
        {
            var headers = PageResponses.SecurityHeaders();

            // Fonts carry a hash in their names; the stylesheets do not, and change when govuk-frontend is upgraded.
            headers["Cache-Control"] = Path.GetExtension(file) is ".woff2" or ".woff" ? "public, max-age=31536000, immutable" : "public, max-age=3600";
            return new WebResult(StatusCodes.Status200OK, ContentTypes[Path.GetExtension(file)], File.ReadAllBytes(file), headers);
        });
    }
}
