using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Pipeline.Cli;
using Pipeline.Cli.Commands;

namespace Pipeline.Browser.Tests;

/// <summary>
/// One test's view of the partner page: <c>pipeline serve</c> (ServeCommand.Build) on a free port over fresh containers
/// and tables on the shared Azurite, and a fresh browser context on the shared Chromium. Dialogs are recorded (and
/// dismissed), so a test can say none fired; every response is recorded with its transferred size.
/// </summary>
public abstract class PageSession(AzuriteFixture azurite, ChromiumFixture chromium) : IAsyncLifetime
{
    private WebApplication? server;

    protected Dictionary<string, string?> Settings { get; } = PipelineHarness.NewSettings(azurite);

    protected AzuriteFixture Azurite => azurite;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected Uri BaseAddress { get; private set; } = null!;

    protected List<string> Dialogs { get; } = [];

    protected List<IResponse> Responses { get; } = [];

    /// <summary>
    /// The principal every request of the page carries in <c>X-MS-CLIENT-PRINCIPAL</c>, as App Service Authentication
    /// would add it; when set, the server is <c>pipeline serve --identity</c>. Null: the operator's plain <c>serve</c>.
    /// </summary>
    protected virtual string? Principal => null;

    public virtual async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var context = new CliContext(TextWriter.Null, TextWriter.Null, configuration, TimeProvider.System) { BlobPolicies = [new BlobLimitsPolicy()] };
        server = ServeCommand.Build(context, "127.0.0.1", 0, connection: null, identity: Principal is not null);
        await server.StartAsync();
        BaseAddress = new Uri(server.Urls.Single());
        Context = await NewContextAsync(Principal);
        Page = await Context.NewPageAsync();
        Page.Dialog += (_, dialog) =>
        {
            lock (Dialogs)
            {
                Dialogs.Add(dialog.Message);
            }

            _ = dialog.DismissAsync();
        };
        Page.Response += (_, response) =>
        {
            lock (Responses)
            {
                Responses.Add(response);
            }
        };
    }

    /// <summary>A browser context on this server whose requests carry <paramref name="principal"/> (none when null).</summary>
    protected Task<IBrowserContext> NewContextAsync(string? principal) =>
        chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = 1100, Height = 900 },
            ExtraHTTPHeaders = principal is null ? null : new Dictionary<string, string> { [Principals.Header] = principal },
        });

    public async Task DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.CloseAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Opens /submit, chooses the file (and the dataset), presses the button and waits for the page that answers.</summary>
    protected async Task SubmitAsync(string fileName, byte[] content, string button, string? dataset = null)
    {
        await Page.GotoAsync("/submit");
        if (dataset is not null)
        {
            await Page.SelectOptionAsync("#dataset", dataset);
        }

        await Page.SetInputFilesAsync("#file", new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = content });
        await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Page.Locator("#outcome-banner, .govuk-error-summary").First.WaitForAsync();
    }

    protected async Task<string> TextAsync(string selector) => (await Page.Locator(selector).InnerTextAsync()).Trim();

    /// <summary>The rows of the latest outcomes table, each as its cells' text.</summary>
    protected async Task<List<string[]>> LatestOutcomesAsync()
    {
        var rows = new List<string[]>();
        foreach (var row in await Page.Locator("h2#latest-outcomes + table tbody tr").AllAsync())
        {
            rows.Add([.. (await row.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim())]);
        }

        return rows;
    }
}
