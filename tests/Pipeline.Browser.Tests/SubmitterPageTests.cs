using Deque.AxeCore.Playwright;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Returns;

namespace Pipeline.Browser.Tests;

/// <summary>
/// /submit as a signed-in partner sees it, in Chromium, against <c>pipeline serve --identity</c>: the browser sends the
/// principal App Service Authentication would add. A submitter of one dataset is offered that dataset only and sees only
/// its outcomes; nobody signed in is asked to sign in; a principal with no role is told what to ask for.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SubmitterPageTests(AzuriteFixture azurite, ChromiumFixture chromium) : PageSession(azurite, chromium)
{
    protected override string? Principal => Principals.Of("nhs@example.org", "Submit.violence-admissions");

    [Fact]
    public async Task A_submitter_of_one_dataset_is_offered_it_alone_sends_into_its_folder_and_sees_only_its_outcomes()
    {
        using (var app = PipelineHarness.Over(Azurite, Settings))
        {
            await app.UploadAsync("police/2024-Q3.csv", ReturnFiles.Valid("2024-Q3")); // The police's: not this partner's to see.
            Assert.Equal(UploadStatus.Accepted, (await app.Get<UploadProcessor>().ProcessAsync("police/2024-Q3.csv"))!.Status);
        }

        await Page.GotoAsync("/submit");
        var options = await Page.Locator("#dataset option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Equal(["violence-admissions"], options);
        Assert.Equal("No file has been processed yet.", await TextAsync("h2#latest-outcomes + p"));

        var admissions = await File.ReadAllBytesAsync(RepositoryRoot.Combine("samples", "violence-admissions", "2024-Q1.csv"));
        await SubmitAsync("2024-Q1.csv", admissions, "Send the file");

        Assert.Equal("The file was accepted", await TextAsync(".govuk-notification-banner__heading"));
        Assert.Equal(["violence-admissions/2024-Q1.csv", "Accepted", "2024-Q1"], (await LatestOutcomesAsync()).Single().Take(3));
        var axe = await Page.RunAxe(Accessibility.WcagAa());
        Assert.Empty(Accessibility.Describe(axe.Violations));
        await Screenshots.SaveAsync(Page, "submit-submitter.png");
    }

    [Fact]
    public async Task Nobody_signed_in_is_asked_to_sign_in_and_a_principal_without_a_role_is_told_what_to_ask_for()
    {
        await using var nobody = await NewContextAsync(principal: null);
        await using var visitor = await NewContextAsync(Principals.Of("visitor@example.org"));
        var signIn = await nobody.NewPageAsync();
        var refused = await visitor.NewPageAsync();

        var signInResponse = await signIn.GotoAsync("/submit");
        var refusedResponse = await refused.GotoAsync("/submit");

        Assert.Equal((401, 403), (signInResponse!.Status, refusedResponse!.Status));
        Assert.Equal("Sign in to send a return", (await signIn.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=/submit", await signIn.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Sign in" }).GetAttributeAsync("href"));
        Assert.Equal("You may not send returns", (await refused.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Submit.serious-youth-violence", await refused.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(Accessibility.Describe((await signIn.RunAxe(Accessibility.WcagAa())).Violations));
        Assert.Empty(Accessibility.Describe((await refused.RunAxe(Accessibility.WcagAa())).Violations));
        await Screenshots.SaveAsync(signIn, "submit-sign-in.png");
        await Screenshots.SaveAsync(refused, "submit-no-role.png");
    }
}
