using Microsoft.Playwright;

namespace Pipeline.Browser.Tests;

/// <summary>
/// The Debian Chromium (<c>/usr/bin/chromium</c>, or <c>PIPELINE_CHROMIUM</c>) driven by Playwright, launched once per run.
/// Playwright's own browser download is not used. A missing Chromium fails every test with how to install it: a page
/// nobody looked at must not pass.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("PIPELINE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}, and the browser tests need it. Install it with 'apt-get install -y chromium' " +
                "(scripts/test.sh does when it is missing), or set PIPELINE_CHROMIUM to a Chromium's path.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
