using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ports;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The partner page's reason and kind of change (docs/contract.md section 11), through the function: kept with the
/// accepted version exactly as <c>PUT /api/uploads/{name}?reason=R&amp;kind=K</c> keeps them, and refused by the same rule.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PartnerPageNoteTests(AzuriteFixture azurite)
{
    private const string Reason = "Late records from Coventry added";

    [Fact]
    public async Task A_correction_sent_from_the_page_keeps_its_reason_and_kind_as_one_sent_by_PUT_does()
    {
        using var app = PipelineHarness.Create(azurite);
        Assert.Equal(200, (await PostAsync(app, "2024-Q3.csv", ReturnFiles.Valid("2024-Q3"), "send", reason: "", kind: "none")).StatusCode);
        Assert.Equal(201, (await PutAsync(app, "2024-Q2.csv", ReturnFiles.Valid("2024-Q2"), "")).StatusCode);

        var page = await PostAsync(app, "2024-Q3.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 120), "send", reason: $"  {Reason} ", kind: "revision");
        var put = await PutAsync(app, "2024-Q2.csv", ReturnFiles.Valid("2024-Q2", offencesBase: 120), $"?reason={Uri.EscapeDataString(Reason)}&kind=revision");

        Assert.Equal((200, 201), (page.StatusCode, put.StatusCode));
        Assert.Contains("The file was accepted", page.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(Reason, page.Text(), StringComparison.Ordinal); // the fields are empty for the next file
        var revisions = await app.Get<IAcceptedQuarterStore>().ListRevisionsAsync("serious-youth-violence");
        var notes = revisions.OrderBy(r => r.Quarter).Select(r => (r.Quarter.ToString(), r.Revision, r.SentBy, r.Reason, r.Kind)).ToList();
        Assert.Equal([("2024-Q2", 2, "ops@example.org", Reason, "revision"), ("2024-Q3", 2, "ops@example.org", Reason, "revision")], notes);
        var records = (await app.Get<IAcceptedQuarterStore>().ListAsync()).OrderBy(r => r.Quarter).Select(r => (r.Quarter.ToString(), r.Reason, r.Kind));
        Assert.Equal([("2024-Q2", Reason, "revision"), ("2024-Q3", Reason, "revision")], records);
    }

    [Fact]
    public async Task The_first_version_sent_with_the_none_radio_and_no_reason_has_no_note()
    {
        using var app = PipelineHarness.Create(azurite);

        Assert.Equal(200, (await PostAsync(app, "2024-Q3.csv", ReturnFiles.Valid("2024-Q3"), "send", reason: "   ", kind: "none")).StatusCode);

        var record = Assert.Single(await app.Get<IAcceptedQuarterStore>().ListAsync());
        Assert.Equal(((string?)null, (string?)null), (record.Reason, record.Kind));
    }

    [Theory]
    [InlineData("send", "", "typo", "kind", "Select the kind of change: a correction, a revision, or none of these.")]
    [InlineData("send", "Line one\nline two", "correction", "reason", "Enter the reason for this change as one line of at most 500 characters.")]
    [InlineData("check", "", "Correction", "kind", "Select the kind of change: a correction, a revision, or none of these.")]
    public async Task An_unusable_note_is_an_error_on_its_field_and_nothing_is_checked_or_stored(string action, string reason, string kind, string field, string message)
    {
        using var app = PipelineHarness.Create(azurite);

        var answer = await PostAsync(app, "2024-Q3.csv", ReturnFiles.Valid("2024-Q3"), action, reason, kind);

        Assert.Equal(400, answer.StatusCode);
        var html = answer.Text();
        Assert.Contains($"<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#{field}\">{message} Nothing was checked or stored.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"{field}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {message} Nothing was checked or stored.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"file-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"report\"", html, StringComparison.Ordinal);
        Assert.Empty(await app.ListAsync(app.Uploads));
        Assert.Empty(await app.ListAsync(app.Accepted));
        Assert.Empty(await app.Get<IAcceptedQuarterStore>().ListAsync());
        Assert.Empty(await app.Get<IUploadLedger>().ListAsync());
    }

    [Fact]
    public async Task A_checked_file_shows_the_note_again_in_its_fields_so_that_it_can_be_sent()
    {
        using var app = PipelineHarness.Create(azurite);

        var html = (await PostAsync(app, "2024-Q3.csv", ReturnFiles.Valid("2024-Q3"), "check", Reason, "correction")).Text();

        Assert.Contains($"id=\"reason\" name=\"reason\" type=\"text\" spellcheck=\"true\" value=\"{Reason}\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"kind\" name=\"kind\" type=\"radio\" value=\"correction\" checked", html, StringComparison.Ordinal);
        Assert.Contains("id=\"kind-3\" name=\"kind\" type=\"radio\" value=\"none\" />", html, StringComparison.Ordinal);
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    /// <summary>The form as a browser posts it from this site's /submit, through the SubmitPage function.</summary>
    private static async Task<HttpResponse> PostAsync(PipelineHarness app, string fileName, byte[] content, string action, string reason, string kind)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("serious-youth-violence"), "dataset");
        form.Add(new StringContent(reason), "reason");
        form.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(action), "action");
        var body = await form.ReadAsByteArrayAsync();
        return await HttpCall.CallAsync(app, "POST", body, context =>
        {
            context.Request.Path = "/submit";
            context.Request.Host = new HostString("pipeline.example");
            context.Request.Headers.Origin = "https://pipeline.example";
            context.Request.ContentType = form.Headers.ContentType!.ToString();
            return ActivatorUtilities.CreateInstance<SubmitPage>(app.Services).RunAsync(context.Request, CancellationToken.None);
        });
    }

    private static Task<HttpResponse> PutAsync(PipelineHarness app, string name, byte[] content, string query) =>
        HttpCall.CallAsync(app, "PUT", content, context => ActivatorUtilities.CreateInstance<PutUpload>(app.Services).RunAsync(context.Request, name, CancellationToken.None), query, path: "/api/uploads/" + name);
}
