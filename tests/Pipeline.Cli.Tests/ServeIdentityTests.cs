using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Pipeline.Core.Recalculation;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>pipeline serve --identity</c>: each request's principal read from its own <c>X-MS-CLIENT-PRINCIPAL</c> as App Service
/// Authentication sends it, so every access rule holds over real HTTP as it does in the function app (the same
/// <see cref="AccessMatrix"/>); without <c>--identity</c> the header is ignored and the user is the operator.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeIdentityTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private readonly Dictionary<string, string?> settings = PipelineHarness.NewSettings(azurite);
    private WebApplication? server;
    private HttpClient client = new();

    public async Task InitializeAsync()
    {
        using (var app = PipelineHarness.Over(azurite, settings))
        {
            await app.IngestSamplesAsync();
            await app.IngestDatasetSamplesAsync(AccessMatrix.Admissions);
            await app.Get<RecalculationService>().RecalculateAsync(force: true);
        }

        server = await StartAsync(identity: true);
        client = new HttpClient { BaseAddress = new Uri(server.Urls.Single()) };
    }

    public async Task DisposeAsync() => await server!.DisposeAsync();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task Every_route_answers_each_caller_as_the_function_app_does()
    {
        var failures = new List<string>();
        foreach (var row in AccessMatrix.Rows)
        {
            for (var i = 0; i < AccessMatrix.Callers.Length; i++)
            {
                var (caller, principal) = AccessMatrix.Callers[i];
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Target);
                if (row.Body != AccessMatrix.BodyKind.None)
                {
                    request.Content = new ByteArrayContent(AccessMatrix.Body(row.Body)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };
                }

                if (principal is not null)
                {
                    request.Headers.Add(Principals.Header, principal);
                }

                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode != row.Expected[i])
                {
                    failures.Add($"{row} as {caller}: {(int)response.StatusCode}, expected {row.Expected[i]}");
                }
                else if (row.Expected[i] is 401 or 403 && row.Path != "/submit")
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_submitter_sees_the_form_for_their_dataset_and_a_principal_without_a_role_is_told_what_to_ask_for()
    {
        using var health = new HttpRequestMessage(HttpMethod.Get, "/submit") { Headers = { { Principals.Header, AccessMatrix.Callers[2].Principal } } };
        using var nobody = new HttpRequestMessage(HttpMethod.Get, "/submit");
        using var roleless = new HttpRequestMessage(HttpMethod.Get, "/submit") { Headers = { { Principals.Header, Principals.Of("visitor@example.org") } } };

        using var form = await client.SendAsync(health);
        using var signIn = await client.SendAsync(nobody);
        using var refused = await client.SendAsync(roleless);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), (form.StatusCode, signIn.StatusCode, refused.StatusCode));
        Assert.Contains("href=\"/.auth/login/aad?post_login_redirect_uri=/submit\"", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(
            "You are signed in as visitor@example.org, but your account may not send any dataset&#39;s returns. Ask an administrator for the role of your dataset, for example Submit.serious-youth-violence.",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_sent_by_a_signed_in_principal_is_recorded_as_sent_by_them()
    {
        var health = AccessMatrix.Callers[2].Principal!;
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/uploads/{AccessMatrix.Admissions}/2024-Q1.csv")
        {
            Content = new ByteArrayContent(AccessMatrix.Body(AccessMatrix.BodyKind.AdmissionsReturn)),
            Headers = { { Principals.Header, health } },
        };
        using var list = new HttpRequestMessage(HttpMethod.Get, $"/api/uploads?dataset={AccessMatrix.Admissions}") { Headers = { { Principals.Header, health } } };

        using var sent = await client.SendAsync(put); // The samples hold these bytes already: a duplicate, still recorded.
        using var listed = await client.SendAsync(list);

        using var outcome = JsonDocument.Parse(await sent.Content.ReadAsStringAsync());
        Assert.Equal(("duplicate", "nhs@example.org"), (outcome.RootElement.GetProperty("status").GetString(), outcome.RootElement.GetProperty("sentBy").GetString()));
        using var entries = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
        var entry = Assert.Single(entries.RootElement.EnumerateArray(), e => e.GetProperty("file").GetString() == $"{AccessMatrix.Admissions}/2024-Q1.csv");
        Assert.Equal("nhs@example.org", entry.GetProperty("sentBy").GetString());
    }

    [Fact]
    public async Task Without_identity_the_header_is_ignored_and_the_user_is_the_operator()
    {
        await using var plain = await StartAsync(identity: false);
        using var http = new HttpClient { BaseAddress = new Uri(plain.Urls.Single()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/uploads?dataset={AccessMatrix.Admissions}")
        {
            Headers = { { Principals.Header, AccessMatrix.Callers[1].Principal } }, // A police submitter: ignored.
        };

        using var response = await http.SendAsync(request);
        using var nobody = await http.GetAsync("/submit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var entries = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(8, entries.RootElement.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, nobody.StatusCode);
    }

    private Task<WebApplication> StartAsync(bool identity) => LocalServer.StartAsync(settings, identity);
}
