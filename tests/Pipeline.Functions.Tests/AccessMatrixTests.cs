using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Who may see and do what, through the function classes as the platform calls them with App Service Authentication on:
/// every route and page for each caller of <see cref="AccessMatrix"/>, with the status, the problem+json of a refusal, and
/// storage unchanged after it. Then the principals a hostile or careless client might send.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AccessMatrixTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PipelineHarness app = null!;

    public async Task InitializeAsync()
    {
        app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        await app.IngestDatasetSamplesAsync(AccessMatrix.Admissions);
        await app.Get<RecalculationService>().RecalculateAsync(force: true);
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_route_answers_each_caller_as_the_contract_says_and_a_refusal_changes_nothing()
    {
        var failures = new List<string>();
        var checkedRequests = 0;
        foreach (var row in AccessMatrix.Rows)
        {
            for (var i = 0; i < AccessMatrix.Callers.Length; i++)
            {
                var (caller, principal) = AccessMatrix.Callers[i];
                var before = await StorageAsync();
                var response = await HttpCall.CallAsync(app, row.Method, AccessMatrix.Body(row.Body), c => Call(row, c), row.Query, principal, anonymous: principal is null);
                checkedRequests++;
                var expected = row.Expected[i];
                if (response.StatusCode != expected)
                {
                    failures.Add($"{row} as {caller}: {response.StatusCode}, expected {expected}: {Encoding.UTF8.GetString(response.Body())}");
                    continue;
                }

                if (expected is 401 or 403)
                {
                    if (await StorageAsync() != before)
                    {
                        failures.Add($"{row} as {caller}: refused, but storage changed");
                    }

                    if (row.Path != "/submit")
                    {
                        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
                        using var problem = JsonDocument.Parse(response.Body());
                        Assert.Equal(expected, problem.RootElement.GetProperty("status").GetInt32());
                        var detail = problem.RootElement.GetProperty("detail").GetString()!;
                        if (expected == 403)
                        {
                            Assert.Equal(AccessMatrix.Forbidden(ActionOf(row), DatasetOf(row)), detail);
                        }
                        else
                        {
                            Assert.StartsWith("Sign in to ", detail, StringComparison.Ordinal);
                        }
                    }
                    else
                    {
                        Assert.StartsWith("text/html", response.ContentType, StringComparison.Ordinal);
                    }
                }
            }
        }

        Assert.Empty(failures);
        Assert.Equal(AccessMatrix.Rows.Length * AccessMatrix.Callers.Length, checkedRequests);
    }

    [Fact]
    public async Task A_refused_listing_or_report_says_nothing_about_the_datasets_uploads()
    {
        var police = AccessMatrix.Callers[1].Principal;
        var existing = await HttpCall.CallAsync(app, "GET", [], c => Create<GetUploadReport>().RunAsync(c.Request, CancellationToken.None), $"?file={AccessMatrix.Admissions}/samples-2024-Q1.csv", police);
        var missing = await HttpCall.CallAsync(app, "GET", [], c => Create<GetUploadReport>().RunAsync(c.Request, CancellationToken.None), $"?file={AccessMatrix.Admissions}/never.csv", police);
        var list = await HttpCall.CallAsync(app, "GET", [], c => Create<ListUploads>().RunAsync(c.Request, CancellationToken.None), $"?dataset={AccessMatrix.Admissions}", police);

        Assert.Equal((403, 403, 403), (existing.StatusCode, missing.StatusCode, list.StatusCode));
        Assert.Equal(existing.Body(), missing.Body()); // A file that exists and one that never did: the same answer.
        Assert.DoesNotContain("samples-", Encoding.UTF8.GetString(list.Body()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitter_lists_only_their_datasets_uploads_and_the_partner_page_offers_only_their_datasets()
    {
        var health = AccessMatrix.Callers[2].Principal;
        var list = await HttpCall.CallAsync(app, "GET", [], c => Create<ListUploads>().RunAsync(c.Request, CancellationToken.None), $"?dataset={AccessMatrix.Admissions}", health);
        var page = await HttpCall.CallAsync(app, "GET", [], c => Create<SubmitPage>().RunAsync(c.Request, CancellationToken.None), principal: health);

        using var entries = JsonDocument.Parse(list.Body());
        Assert.Equal(8, entries.RootElement.GetArrayLength());
        Assert.All(entries.RootElement.EnumerateArray(), e => Assert.StartsWith(AccessMatrix.Admissions + "/", e.GetProperty("file").GetString(), StringComparison.Ordinal));
        var html = Encoding.UTF8.GetString(page.Body());
        Assert.Contains($"<option value=\"{AccessMatrix.Admissions}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{AccessMatrix.Default}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("samples/2024-Q3.csv", html, StringComparison.Ordinal); // The police's outcomes are not shown.
    }

    [Theory]
    [InlineData("not base64 at all!", 400, "The X-MS-CLIENT-PRINCIPAL header is not base64.")]
    [InlineData("bm90IGpzb24=", 400, "The X-MS-CLIENT-PRINCIPAL header is not JSON once decoded.")] // "not json"
    [InlineData("WyJhIl0=", 400, "The X-MS-CLIENT-PRINCIPAL header is not a principal: a JSON object with an array of claims.")] // ["a"]
    [InlineData("eyJjbGFpbXMiOnt9fQ==", 400, "The X-MS-CLIENT-PRINCIPAL header is not a principal: a JSON object with an array of claims.")] // {"claims":{}}
    [InlineData("eyJjbGFpbXMiOlt7InR5cCI6MX1dfQ==", 400, "The X-MS-CLIENT-PRINCIPAL header has a claim that is not {\"typ\": text, \"val\": text}.")] // {"claims":[{"typ":1}]}
    [InlineData("//79", 400, "The X-MS-CLIENT-PRINCIPAL header is not JSON once decoded.")] // bytes FF FE FD
    public async Task A_principal_header_that_cannot_be_read_is_400_and_stores_nothing(string header, int status, string detail)
    {
        var before = await StorageAsync();

        var response = await PutAsync(header);

        Assert.Equal(status, response.StatusCode);
        using var problem = JsonDocument.Parse(response.Body());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(before, await StorageAsync());
    }

    [Fact]
    public async Task An_oversized_principal_header_is_400_before_it_is_decoded()
    {
        var response = await PutAsync(new string('A', 40_000));

        Assert.Equal(400, response.StatusCode);
        using var problem = JsonDocument.Parse(response.Body());
        Assert.Equal("The X-MS-CLIENT-PRINCIPAL header is 40,000 characters, over the 32,768 a principal may take.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Two_principal_headers_are_400()
    {
        var response = await HttpCall.CallAsync(app, "PUT", AccessMatrix.Body(AccessMatrix.BodyKind.AdmissionsReturn), c =>
        {
            c.Request.Headers.Append(Principals.Header, AccessMatrix.Callers[4].Principal);
            return Create<PutUpload>().RunAsync(c.Request, AccessMatrix.Admissions + "/2024-Q1.csv", CancellationToken.None);
        }, principal: AccessMatrix.Callers[2].Principal);

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Theory]
    [InlineData("no roles", 403)]
    [InlineData("submit.violence-admissions", 403)] // Roles are compared as Entra writes them.
    [InlineData("SUBMIT.VIOLENCE-ADMISSIONS", 403)]
    [InlineData("Submit.Violence-Admissions", 403)]
    [InlineData("Submit.nope", 403)] // A role for a dataset that does not exist grants nothing.
    [InlineData("Preview.violence-admissions", 403)]
    [InlineData("pipeline.admin", 403)]
    [InlineData("Submit.violence-admissions", 201)]
    public async Task Only_the_exact_role_lets_a_principal_send(string role, int status)
    {
        var principal = role == "no roles" ? Principals.Of("someone@example.org") : Principals.Of("someone@example.org", role);
        var before = await StorageAsync();

        var response = await PutAsync(principal);

        Assert.Equal(status, response.StatusCode);
        if (status == 403)
        {
            Assert.Equal(before, await StorageAsync());
        }
    }

    [Fact]
    public async Task Roles_sent_as_claims_of_the_role_typ_type_are_read_too()
    {
        var response = await PutAsync(Principals.WithRoleTyp("someone@example.org", "Submit.violence-admissions"));

        Assert.Equal(201, response.StatusCode);
    }

    [Theory]
    [InlineData("violence-admissions/../x.csv", 400)]
    [InlineData("violence-admissions%2F..%2Fx.csv", 400)]
    [InlineData("VIOLENCE-ADMISSIONS/2024-Q1.csv", 201)] // That dataset, in another case: its role suffices.
    [InlineData("serious-youth-violence/2024-Q3.csv", 403)] // The default dataset's folder: its role is needed.
    [InlineData("x.csv", 403)] // No folder: the default dataset.
    public async Task A_name_decides_its_dataset_and_cannot_escape_it(string name, int status)
    {
        var before = await StorageAsync();

        var response = await HttpCall.CallAsync(
            app, "PUT", AccessMatrix.Body(AccessMatrix.BodyKind.AdmissionsReturn), c => Create<PutUpload>().RunAsync(c.Request, name, CancellationToken.None), principal: AccessMatrix.Callers[2].Principal);

        Assert.Equal(status, response.StatusCode);
        if (status != 201)
        {
            Assert.Equal(before, await StorageAsync());
        }
    }

    [Fact]
    public async Task Without_App_Service_Authentication_the_header_is_not_trusted_and_nobody_is_signed_in()
    {
        var settings = new Dictionary<string, string?>(app.Settings) { ["WEBSITE_AUTH_ENABLED"] = null };
        using var unsigned = PipelineHarness.Over(azurite, settings);

        var response = await HttpCall.CallAsync(
            unsigned, "PUT", AccessMatrix.Body(AccessMatrix.BodyKind.AdmissionsReturn), c => ActivatorUtilities.CreateInstance<PutUpload>(unsigned.Services).RunAsync(c.Request, "x.csv", CancellationToken.None));
        var page = await HttpCall.CallAsync(unsigned, "GET", [], c => ActivatorUtilities.CreateInstance<SubmitPage>(unsigned.Services).RunAsync(c.Request, CancellationToken.None));

        // Not sent to a sign-in page that is not there: told that sign-in is off, and who turns it on.
        Assert.Equal(401, response.StatusCode);
        using var problem = JsonDocument.Parse(response.Body());
        Assert.Equal(
            "Sign in to send returns: but sign-in is not turned on for this deployment, so nobody can yet. An administrator turns on Entra ID sign-in (enableEntraAuthentication, docs/deployment.md). Published figures need no sign-in.",
            problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(401, page.StatusCode);
        var html = Encoding.UTF8.GetString(page.Body());
        Assert.Contains("<h1 class=\"govuk-heading-xl\">Sign-in is not turned on</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/.auth/login", html, StringComparison.Ordinal);
    }

    private Task<HttpResponse> PutAsync(string principal) =>
        HttpCall.CallAsync(
            app, "PUT", AccessMatrix.Body(AccessMatrix.BodyKind.AdmissionsReturn), c => Create<PutUpload>().RunAsync(c.Request, AccessMatrix.Admissions + "/2024-Q1.csv", CancellationToken.None), principal: principal);

    private Task<IResult> Call(AccessMatrix.Row row, HttpContext context)
    {
        var request = context.Request;
        var none = CancellationToken.None;
        return (row.Method, row.Path) switch
        {
            ("GET", "/") => Create<Dashboard>().RunAsync(request, none),
            ("GET", "/api/summary") => Create<GetSummary>().RunAsync(request, none),
            ("GET", "/api/series") => Create<GetSeries>().RunAsync(request, none),
            ("GET", "/api/revisions") => Create<ListRevisions>().RunAsync(request, none),
            ("GET", "/api/datasets") => Task.FromResult(Create<ListDatasets>().Run(request)),
            ("GET", "/api/openapi.json") => Task.FromResult(GetOpenApi.Run(request)),
            ("GET", "/api/uploads") => Create<ListUploads>().RunAsync(request, none),
            ("GET", "/api/uploads/report") => Create<GetUploadReport>().RunAsync(request, none),
            ("GET", "/submit") => Create<SubmitPage>().RunAsync(request, none),
            ("POST", "/api/validate") => Create<ValidateReturn>().RunAsync(request, none),
            ("GET", var p) when p.StartsWith("/api/datasets/", StringComparison.Ordinal) => Task.FromResult(Create<GetDatasetSchema>().Run(request, p.Split('/')[3])),
            ("GET", var p) when p.StartsWith("/assets/", StringComparison.Ordinal) => Task.FromResult(Create<PageAsset>().Run(request, p["/assets/".Length..])),
            ("PUT", var p) => Create<PutUpload>().RunAsync(request, p["/api/uploads/".Length..], none),
            _ => throw new InvalidOperationException($"No function for {row}"),
        };
    }

    private static string ActionOf(AccessMatrix.Row row) => row.Method switch
    {
        "PUT" => "send returns",
        "POST" => "check returns",
        _ => "see the uploads",
    };

    /// <summary>The dataset a row's request is for, as the contract decides it: a name's first folder, or the query's dataset.</summary>
    private static string DatasetOf(AccessMatrix.Row row)
    {
        var target = row.Target.ToLowerInvariant();
        return target.Contains(AccessMatrix.Admissions, StringComparison.Ordinal) ? AccessMatrix.Admissions : AccessMatrix.Default;
    }

    private T Create<T>() => ActivatorUtilities.CreateInstance<T>(app.Services);

    /// <summary>What storage holds: every blob of the upload containers and every ledger entry, as one comparable string.</summary>
    private async Task<string> StorageAsync()
    {
        var blobs = new List<string>();
        foreach (var container in new[] { app.Uploads, app.Accepted, app.Rejected })
        {
            blobs.AddRange((await app.ListAsync(container)).Select(n => $"{container.Name}/{n}"));
        }

        var ledger = (await app.Get<IUploadLedger>().ListAsync()).Select(e => $"{e.File} {e.Sha256} {e.Status}");
        return string.Join('\n', blobs.Order(StringComparer.Ordinal).Concat(ledger.Order(StringComparer.Ordinal)));
    }
}
