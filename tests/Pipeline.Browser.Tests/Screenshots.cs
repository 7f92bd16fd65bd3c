using Microsoft.Playwright;

namespace Pipeline.Browser.Tests;

/// <summary>
/// Screenshots of the page, written beside the tests; with <c>PIPELINE_UPDATE_SCREENSHOTS=1</c> also into docs/images,
/// where the README shows them (so a test run does not change the repository unless asked to).
/// </summary>
internal static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var local = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = local, FullPage = true });
        if (Environment.GetEnvironmentVariable("PIPELINE_UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(local, RepositoryRoot.Combine("docs", "images", name), overwrite: true);
        }
    }
}
