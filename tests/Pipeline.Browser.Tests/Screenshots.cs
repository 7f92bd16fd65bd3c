using Microsoft.Playwright;

namespace Pipeline.Browser.Tests;

/// <summary>
/// Screenshots of the page, written beside the tests; with <c>PIPELINE_UPDATE_SCREENSHOTS=1</c> also into docs/images,
/// where the README and docs/operating.md show them (so a test run does not change the repository unless asked to).
/// </summary>
internal static class Screenshots
{
    /// <param name="page">The page.</param>
    /// <param name="name">The file's name.</param>
    /// <param name="height">Only the top of the page, this many pixels of it; the whole page when null.</param>
    /// <param name="element">Only this element, when given.</param>
    public static async Task SaveAsync(IPage page, string name, float? height = null, ILocator? element = null)
    {
        var local = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        if (element is not null)
        {
            await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = local });
        }
        else
        {
            var clip = height is { } h ? new Clip { X = 0, Y = 0, Width = page.ViewportSize!.Width, Height = h } : null;
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = local, FullPage = true, Clip = clip });
        }

        if (Environment.GetEnvironmentVariable("PIPELINE_UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(local, RepositoryRoot.Combine("docs", "images", name), overwrite: true);
        }
    }
}
