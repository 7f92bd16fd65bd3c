using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Pipeline.Core.Ports;

namespace Pipeline.Browser.Tests;

/// <summary>What a partner sees on /submit, in Chromium, against <c>pipeline serve</c> and Azurite.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PartnerPageTests(AzuriteFixture azurite, ChromiumFixture chromium) : PageSession(azurite, chromium)
{
    [Fact]
    public async Task Checks_a_good_file_and_shows_it_is_valid()
    {
        var bytes = ReturnFiles.Valid("2024-Q3");

        await SubmitAsync("2024-Q3.csv", bytes, "Check the file");

        Assert.Equal("The file is valid", await TextAsync(".govuk-notification-banner__heading"));
        Assert.Equal("Valid 7 rows, quarter 2024-Q3, 0 errors, 0 warnings.", await TextAsync("#report-summary"));
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), await TextAsync(".govuk-summary-list"), StringComparison.Ordinal);
        Assert.Equal("No errors.", await TextAsync("#errors"));
        Assert.Equal("No file has been processed yet.", await TextAsync("h2#latest-outcomes + p"));
        using var app = PipelineHarness.Over(Azurite, Settings);
        Assert.Empty(await app.ListAsync(app.Uploads));
        Assert.Empty(await app.ListAsync(app.Accepted));
    }

    [Fact]
    public async Task Sends_a_bad_file_and_shows_it_rejected_with_its_report()
    {
        await SubmitAsync("2024-Q2.csv", ReturnFiles.KnifeExceedsOffences("2024-Q2"), "Send the file");

        Assert.Equal("The file was rejected", await TextAsync(".govuk-notification-banner__heading"));
        Assert.Contains("Rejected", await TextAsync("#outcome"), StringComparison.Ordinal);
        var error = (await Page.Locator("#errors tbody tr").First.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(["2", "knife_offences", "knife-exceeds-offences"], error.Take(3));
        Assert.Equal("9", error[4]);
        Assert.Equal(["2024-Q2.csv", "Rejected", "2024-Q2"], (await LatestOutcomesAsync()).Single().Take(3));
        using var app = PipelineHarness.Over(Azurite, Settings);
        Assert.Contains("2024-Q2.csv", await app.ListAsync(app.Rejected));

        await Screenshots.SaveAsync(Page, "submit.png");
    }

    [Fact]
    public async Task Sends_a_good_file_and_shows_it_accepted_and_listed_in_the_latest_outcomes()
    {
        await SubmitAsync("2024-Q3.csv", ReturnFiles.Valid("2024-Q3"), "Send the file");

        Assert.Equal("The file was accepted", await TextAsync(".govuk-notification-banner__heading"));
        Assert.DoesNotContain("Report", await Page.Locator("h2").AllInnerTextsAsync());
        var latest = await LatestOutcomesAsync();
        Assert.Equal(["2024-Q3.csv", "Accepted", "2024-Q3", "0", "0"], latest.Single().Take(5));
        using var app = PipelineHarness.Over(Azurite, Settings);
        Assert.Equal(["2024-Q3.csv"], await app.ListAsync(app.Accepted));
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task Sends_a_file_of_another_dataset_into_its_folder()
    {
        var admissions = await File.ReadAllBytesAsync(RepositoryRoot.Combine("samples", "violence-admissions", "2024-Q1.csv"));

        await SubmitAsync("2024-Q1.csv", admissions, "Send the file", dataset: "violence-admissions");

        Assert.Equal("The file was accepted", await TextAsync(".govuk-notification-banner__heading"));
        Assert.Equal("violence-admissions/2024-Q1.csv", (await LatestOutcomesAsync()).Single()[0]);
        Assert.Equal("violence-admissions", await Page.Locator("#dataset").InputValueAsync());
    }

    [Fact]
    public async Task Says_a_file_of_a_name_still_waiting_was_not_sent_and_overwrites_nothing()
    {
        using var app = PipelineHarness.Over(Azurite, Settings);
        var waiting = ReturnFiles.Valid("2024-Q3", offencesBase: 300);
        await app.UploadAsync("2024-Q3.csv", waiting);

        await SubmitAsync("2024-Q3.csv", ReturnFiles.Valid("2024-Q3"), "Send the file");

        Assert.StartsWith("Error: ", await Page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("still waiting to be processed", await TextAsync(".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Equal(waiting, await app.ReadAsync(app.Uploads, "2024-Q3.csv"));
    }

    [Fact]
    public async Task Asks_for_a_file_when_none_was_chosen()
    {
        await Page.GotoAsync("/submit");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Page.Locator(".govuk-error-summary").WaitForAsync();

        Assert.Equal("Select a CSV file.", await TextAsync(".govuk-error-summary__list"));
        Assert.Equal("Error: Select a CSV file.", string.Join(' ', (await TextAsync("#file-error")).Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Sends_a_correction_with_its_reason_and_kind_and_the_fields_pass_axe()
    {
        await SubmitAsync("2024-Q3.csv", ReturnFiles.Valid("2024-Q3"), "Send the file");
        await Page.GotoAsync("/submit");
        Assert.Empty(await ViolationsAsync());
        Assert.True(await Page.GetByLabel("None of these").IsCheckedAsync());

        await Page.GetByLabel("Reason for this change (optional)").FillAsync("Late records from Coventry added");
        await Page.GetByLabel("Revision").CheckAsync();
        await Page.SetInputFilesAsync("#file", new FilePayload { Name = "2024-Q3.csv", MimeType = "text/csv", Buffer = ReturnFiles.Valid("2024-Q3", offencesBase: 120) });
        await Screenshots.SaveAsync(Page, "submit-change-note.png");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the file", Exact = true }).ClickAsync();
        await Page.Locator("#outcome-banner").WaitForAsync();

        Assert.Equal("The file was accepted", await TextAsync(".govuk-notification-banner__heading"));
        Assert.Equal(string.Empty, await Page.Locator("#reason").InputValueAsync());
        using var app = PipelineHarness.Over(Azurite, Settings);
        var revision = Assert.Single(await app.Get<IAcceptedQuarterStore>().ListRevisionsAsync("serious-youth-violence"));
        Assert.Equal((2, "Late records from Coventry added", "revision"), (revision.Revision, revision.Reason, revision.Kind));
    }

    [Fact]
    public async Task Refuses_a_kind_of_change_that_is_not_one_of_the_radios_and_stores_nothing()
    {
        await Page.GotoAsync("/submit");
        await Page.EvaluateAsync("document.getElementById('kind-2').value = 'typo'");
        await Page.GetByLabel("Revision").CheckAsync();
        await Page.SetInputFilesAsync("#file", new FilePayload { Name = "2024-Q3.csv", MimeType = "text/csv", Buffer = ReturnFiles.Valid("2024-Q3") });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the file", Exact = true }).ClickAsync();
        await Page.Locator(".govuk-error-summary").WaitForAsync();

        const string Message = "Select the kind of change: a correction, a revision, or none of these. Nothing was checked or stored.";
        Assert.Equal(Message, await TextAsync(".govuk-error-summary__list"));
        Assert.Equal("#kind", await Page.Locator(".govuk-error-summary__list a").GetAttributeAsync("href"));
        Assert.Equal("Error: " + Message, string.Join(' ', (await TextAsync("#kind-error")).Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(await ViolationsAsync());
        await Screenshots.SaveAsync(Page, "submit-change-note-error.png");
        using var app = PipelineHarness.Over(Azurite, Settings);
        Assert.Empty(await app.ListAsync(app.Uploads));
        Assert.Empty(await app.ListAsync(app.Accepted));
    }

    private async Task<List<string>> ViolationsAsync()
    {
        var result = await Page.RunAxe(Accessibility.WcagAa());
        return [.. Accessibility.Describe(result.Violations)];
    }
}
