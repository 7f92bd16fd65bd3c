using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Cli.Tests;

/// <summary>
/// <c>PUT /api/uploads/{name}</c> as a hostile partner and a careless client use it, over real HTTP on the server
/// <c>pipeline serve</c> runs, against Azurite with Azure's blob limits enforced: concurrent sends of one name, names
/// storage would rewrite, names that hide what they are, and a body shorter than it says. Each answer is checked against
/// what storage and the ledger then hold.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileUploadApiTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private readonly Dictionary<string, string?> settings = PipelineHarness.NewSettings(azurite);
    private WebApplication? server;
    private HttpClient client = new();

    public async Task InitializeAsync()
    {
        server = await LocalServer.StartAsync(settings);
        client = new HttpClient { BaseAddress = new Uri(server.Urls.Single()) };
    }

    public async Task DisposeAsync() => await server!.DisposeAsync();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task Twenty_concurrent_puts_of_one_name_each_answer_for_their_own_bytes_and_a_409_stores_nothing()
    {
        using var app = PipelineHarness.Over(azurite, settings);
        var answered = new List<(byte[] Bytes, HttpStatusCode Status, string Body)>();
        for (var round = 0; round < 5; round++)
        {
            // Twenty different returns for one quarter, half of them invalid, all sent at once under one name.
            var files = Enumerable.Range(0, 20)
                .Select(i => i % 2 == 0
                    ? ReturnFiles.Valid("2024-Q3", offencesBase: 100 + (round * 20) + i)
                    : ReturnFiles.KnifeExceedsOffences("2024-Q3").Concat(Encoding.ASCII.GetBytes($"\n# {round}.{i}")).ToArray())
                .ToList();
            var sends = files.Select(async bytes =>
            {
                using var response = await client.PutAsync("/api/uploads/race/2024-Q3.csv", Body(bytes));
                return (bytes, response.StatusCode, await response.Content.ReadAsStringAsync());
            }).ToList();
            answered.AddRange(await Task.WhenAll(sends));
        }

        var kept = new Dictionary<string, (string Container, string Name, byte[] Bytes)>(StringComparer.Ordinal);
        foreach (var container in new[] { app.Accepted, app.Rejected })
        {
            foreach (var name in (await app.ListAsync(container)).Where(n => !n.EndsWith(".report.json", StringComparison.Ordinal)))
            {
                var bytes = await app.ReadAsync(container, name);
                kept[Sha(bytes)] = (container.Name, name, bytes);
            }
        }

        using var ledgerResponse = await client.GetAsync("/api/uploads?limit=1000");
        using var ledger = JsonDocument.Parse(await ledgerResponse.Content.ReadAsStringAsync());
        var entries = ledger.RootElement.EnumerateArray()
            .Select(e => (Sha: e.GetProperty("sha256").GetString()!, File: e.GetProperty("file").GetString()!, StoredAs: e.GetProperty("storedAs").GetString()!))
            .ToList();

        Assert.All(answered, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{a.Status}: {a.Body}"));
        var created = answered.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.True(created.Count >= 5, $"only {created.Count} of 100 were stored"); // At least one a round.
        foreach (var (bytes, _, body) in created)
        {
            // A 201 describes exactly these bytes, kept under the name it gives, with their ledger entry.
            using var outcome = JsonDocument.Parse(body);
            var sha = Sha(bytes);
            Assert.Equal(sha, outcome.RootElement.GetProperty("sha256").GetString());
            var status = outcome.RootElement.GetProperty("status").GetString();
            var storedAs = outcome.RootElement.GetProperty("storedAs").GetString()!;
            Assert.True(kept.TryGetValue(sha, out var copy), $"the bytes of a 201 ({sha}) are in no container");
            Assert.Equal((status == "rejected" ? app.Rejected.Name : app.Accepted.Name, storedAs), (copy.Container, copy.Name));
            Assert.Equal(bytes, copy.Bytes);
            Assert.Equal([("race/2024-Q3.csv", storedAs)], entries.Where(e => e.Sha == sha).Select(e => (e.File, e.StoredAs)));
        }

        foreach (var (bytes, _, body) in answered.Where(a => a.Status == HttpStatusCode.Conflict))
        {
            // A 409 stored nothing of its request: its bytes are in no container and no ledger entry.
            var sha = Sha(bytes);
            Assert.Contains("nothing of this request was stored", body, StringComparison.Ordinal);
            Assert.False(kept.ContainsKey(sha), $"the bytes of a 409 ({sha}) were kept as {(kept.TryGetValue(sha, out var k) ? k.Name : null)}");
            Assert.DoesNotContain(entries, e => e.Sha == sha);
        }

        Assert.Equal(created.Count, entries.Count);
        Assert.Equal(created.Count, kept.Count);
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task A_put_is_one_put_blob_request_of_its_own_bytes()
    {
        var counter = new RequestCounter();
        await using var counted = await LocalServer.StartAsync(settings, identity: false, counter);
        using var http = new HttpClient { BaseAddress = new Uri(counted.Urls.Single()) };
        using var app = PipelineHarness.Over(azurite, settings);
        await app.Uploads.CreateIfNotExistsAsync();

        using var response = await http.PutAsync("/api/uploads/one/2024-Q3.csv", Body(ReturnFiles.Valid("2024-Q3")));

        // One Put Blob into uploads: staged blocks would be at least a Put Block and a Put Block List there.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal([$"PUT {AzuriteFixture.AccountName}/{app.Uploads.Name}/one/2024-Q3.csv"], counter.Requests.Where(r => r.StartsWith($"PUT {AzuriteFixture.AccountName}/{app.Uploads.Name}/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("returns%5c2024-Q3.csv")]
    [InlineData("violence-admissions%5Cx.csv")]
    [InlineData("C:%5CWindows%5Crt.csv")]
    public async Task A_name_with_a_backslash_is_refused_rather_than_stored_under_another_name(string path)
    {
        using var response = await client.PutAsync("/api/uploads/" + path, Body(ReturnFiles.Valid("2024-Q3")));

        var detail = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "name");
        Assert.Contains("has a '\\'. Storage would keep it as '/', a folder, so it is refused rather than stored under another name: write folders with '/'.", detail, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("rt-bidi-%E2%80%AEgpj.csv", "U+202E", "rt-bidi-\\u202Egpj.csv")]
    [InlineData("rt%E2%81%A6x.csv", "U+2066", "rt\\u2066x.csv")]
    [InlineData("rt%01.csv", "U+0001", "rt\\u0001.csv")]
    [InlineData("rt%0A.csv", "U+000A", "rt\\u000A.csv")]
    [InlineData("rt%7F.csv", "U+007F", "rt\\u007F.csv")]
    [InlineData("rt%C2%85.csv", "U+0085", "rt\\u0085.csv")]
    public async Task A_name_with_a_control_or_bidirectional_character_is_refused_with_the_character_made_visible(string path, string character, string shown)
    {
        using var response = await client.PutAsync("/api/uploads/" + path, Body(ReturnFiles.Valid("2024-Q3")));

        var detail = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "name");
        Assert.Equal(
            $"The name '{shown}' has the invisible character {character}, which can make a name read as another. Rename the file with letters, digits and punctuation only.",
            detail);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_dropped_file_whose_name_hides_characters_is_processed_and_shown_escaped_by_the_page_and_the_cli()
    {
        using var app = PipelineHarness.Over(azurite, settings);
        const string name = "rt-bidi-\u202Egpj.csv"; // Reads as "rt-bidi-vsc.jpg" where the override is obeyed.
        await app.UploadAsync(name, ReturnFiles.Valid("2024-Q3"));

        var process = await CliRun.RunAsync(["process"], settings);
        var status = await CliRun.RunAsync(["status"], settings);
        using var page = await client.GetAsync("/submit");
        using var ledger = await client.GetAsync("/api/uploads");

        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("rt-bidi-\\u202Egpj.csv: accepted, valid (2024-Q3, ", process.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal("  kept as " + app.Accepted.Name + "/rt-bidi-\\u202Egpj.csv", process.StdoutLines[1]);
        Assert.Contains(" rt-bidi-\\u202Egpj.csv ", status.Stdout, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(">rt-bidi-\\u202Egpj.csv<", html, StringComparison.Ordinal);
        foreach (var shown in new[] { process.Stdout, status.Stdout, html })
        {
            Assert.DoesNotContain('\u202E', shown);
        }

        using var entries = JsonDocument.Parse(await ledger.Content.ReadAsStringAsync());
        Assert.Equal(name, Assert.Single(entries.RootElement.EnumerateArray()).GetProperty("file").GetString()); // Data keeps the name exactly.
    }

    [Theory]
    [InlineData("rt-bidi-\u202Egpj.csv", "The name 'rt-bidi-\\u202Egpj.csv' has the invisible character U+202E, which can make a name read as another. Rename the file with letters, digits and punctuation only.")]
    [InlineData("C:\\rt.csv", "The name 'C:\\\\rt.csv' has a '\\'. Storage would keep it as '/', a folder, so it is refused rather than stored under another name: write folders with '/'.")]
    public async Task Ingest_refuses_a_local_file_whose_name_cannot_be_sent_and_stores_nothing(string fileName, string refused)
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write(fileName, Encoding.ASCII.GetString(ReturnFiles.Valid("2024-Q3")));

        var run = await CliRun.RunAsync(["ingest", path], settings);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($": not uploaded: {refused}", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', run.Stderr);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Process_names_a_dropped_file_with_hidden_characters_escaped_on_stderr_too()
    {
        using var app = PipelineHarness.Over(azurite, settings);
        const string name = "rt-bidi-\u202Egpj.csv";
        await app.UploadAsync(name, ReturnFiles.Valid("2024-Q3"));
        await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(app.Uploads.GetBlobClient(name)).AcquireAsync(TimeSpan.FromSeconds(-1));

        var process = await CliRun.RunAsync(["process"], settings);

        // Kept, but left in uploads under another client's lease: exit 2, and stderr names it as stdout does.
        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("rt-bidi-\\u202Egpj.csv: ", process.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', process.Stderr + process.Stdout);
    }

    [Fact]
    public async Task An_escaped_slash_is_a_folder_and_an_escaped_percent_sign_is_a_character()
    {
        var admissions = await File.ReadAllBytesAsync(RepositoryRoot.Combine("samples", "violence-admissions", "2024-Q1.csv"));

        using var folder = await client.PutAsync("/api/uploads/violence-admissions%2F2024-Q1.csv", Body(admissions));
        using var literal = await client.PutAsync("/api/uploads/a%252Fb-2024-Q3.csv", Body(ReturnFiles.Valid("2024-Q3")));

        Assert.Equal(HttpStatusCode.Created, folder.StatusCode);
        using (var outcome = JsonDocument.Parse(await folder.Content.ReadAsStringAsync()))
        {
            Assert.Equal(("violence-admissions/2024-Q1.csv", "accepted"), (outcome.RootElement.GetProperty("file").GetString(), outcome.RootElement.GetProperty("status").GetString()));
        }

        Assert.Equal(HttpStatusCode.Created, literal.StatusCode);
        using (var outcome = JsonDocument.Parse(await literal.Content.ReadAsStringAsync()))
        {
            Assert.Equal(("a%2Fb-2024-Q3.csv", "accepted"), (outcome.RootElement.GetProperty("file").GetString(), outcome.RootElement.GetProperty("status").GetString()));
        }

        using var app = PipelineHarness.Over(azurite, settings);
        Assert.Equal(["a%2Fb-2024-Q3.csv", "violence-admissions/2024-Q1.csv"], (await app.ListAsync(app.Accepted)).Order(StringComparer.Ordinal));
        using var admissionsLedger = await client.GetAsync("/api/uploads?dataset=violence-admissions");
        using var entries = JsonDocument.Parse(await admissionsLedger.Content.ReadAsStringAsync());
        Assert.Equal(["violence-admissions/2024-Q1.csv"], entries.RootElement.EnumerateArray().Select(e => e.GetProperty("file").GetString()));
    }

    [Theory]
    [InlineData("/api/uploads/a/../b.csv", TwoDots)]
    [InlineData("/api/uploads/a/%2E%2E/b.csv", TwoDots)]
    [InlineData("/api/uploads/violence-admissions/%2e%2e/x.csv", TwoDots)]
    [InlineData("/api/uploads/a%2F..%2F..%2Faccepted%2Fx.csv", TwoDots)]
    [InlineData("/api/uploads/..%5c..%5caccepted%5crt.csv", TwoDots)]
    [InlineData("/api/uploads/./x.csv", "The name './x.csv' has a '.' or '..' folder, which storage would resolve to another place.")]
    [InlineData("/api/uploads/a/%2E/x.csv", "The name 'a/./x.csv' has a '.' or '..' folder, which storage would resolve to another place.")]
    public async Task A_dot_segment_in_the_raw_path_is_refused_not_resolved(string target, string detail)
    {
        // Sent byte for byte: HttpClient would resolve the dot segments itself before sending.
        var bytes = ReturnFiles.Valid("2024-Q3");
        var (status, body) = await RawAsync($"PUT {target} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n", bytes);

        Assert.Equal(400, status);
        using var problem = JsonDocument.Parse(body);
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_stores_nothing_and_the_server_goes_on()
    {
        // The client declares 5,000 bytes, sends 100 and ends: the body can never be read whole, so nothing is stored.
        // (Kestrel does not answer a client that has gone; the handler's 400 is for one still listening.)
        var (status, _) = await RawAsync(
            "PUT /api/uploads/short/2024-Q3.csv HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: 5000\r\n\r\n", ReturnFiles.Valid("2024-Q3")[..100], endSending: true);

        Assert.True(status is 0 or 400, $"answered {status}");
        await AssertNothingStoredAsync();
        using var next = await client.PutAsync("/api/uploads/short/2024-Q3.csv", Body(ReturnFiles.Valid("2024-Q3")));
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
    }

    [Fact]
    public async Task A_rejected_1024_character_name_is_kept_under_a_name_whose_report_fits_azures_limit()
    {
        var name = "long/" + new string('x', 1015) + ".csv";
        Assert.Equal(1024, name.Length);

        using var response = await client.PutAsync("/api/uploads/" + name, Body(ReturnFiles.KnifeExceedsOffences("2024-Q3")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var storedAs = outcome.RootElement.GetProperty("storedAs").GetString()!;
        var sha = outcome.RootElement.GetProperty("sha256").GetString()!;
        Assert.Equal(("rejected", name), (outcome.RootElement.GetProperty("status").GetString(), outcome.RootElement.GetProperty("file").GetString()));
        Assert.Equal("long/" + new string('x', 1024 - 5 - 12 - 13 - 4) + "." + sha[..12] + ".csv", storedAs);
        Assert.Equal(1024, (storedAs + ".report.json").Length);
        using var app = PipelineHarness.Over(azurite, settings);
        Assert.Equal([storedAs, storedAs + ".report.json"], (await app.ListAsync(app.Rejected)).Order(StringComparer.Ordinal));
        using var report = await client.GetAsync("/api/uploads/report?file=" + Uri.EscapeDataString(name));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
    }

    [Fact]
    public async Task A_name_over_1024_characters_is_refused_before_anything_is_stored()
    {
        using var response = await client.PutAsync("/api/uploads/" + new string('y', 1021) + ".csv", Body(ReturnFiles.Valid("2024-Q3")));

        var detail = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "name");
        Assert.Equal("The name is 1,025 characters long, over storage's limit of 1,024. Give the file a shorter name.", detail);
        await AssertNothingStoredAsync();
    }

    /// <summary>Any path with a '..' segment, however escaped, is refused before routing (src/Pipeline.Web/ProblemAnswers.cs).</summary>
    private const string TwoDots = "The path has a '..' segment.";

    private async Task AssertNothingStoredAsync()
    {
        using var app = PipelineHarness.Over(azurite, settings);
        Assert.Empty(await app.ListAsync(app.Uploads));
        Assert.Empty(await app.ListAsync(app.Accepted));
        Assert.Empty(await app.ListAsync(app.Rejected));
        using var ledger = await client.GetAsync("/api/uploads");
        Assert.Equal("[]", await ledger.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Sends <paramref name="head"/> and <paramref name="body"/> as they are, ends the sending side when
    /// <paramref name="endSending"/> (a body cut short), and reads the answer.
    /// </summary>
    private async Task<(int Status, string Body)> RawAsync(string head, byte[] body, bool endSending = false)
    {
        var address = new Uri(server!.Urls.Single());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        if (endSending)
        {
            tcp.Client.Shutdown(SocketShutdown.Send);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        string answer;
        try
        {
            answer = await reader.ReadToEndAsync();
        }
        catch (IOException)
        {
            answer = string.Empty; // Reset by the server.
        }

        if (answer.Length == 0)
        {
            return (0, string.Empty); // No answer: the server closed the connection.
        }

        var status = int.Parse(answer.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static ByteArrayContent Body(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? parameter)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(parameter, problem.RootElement.TryGetProperty("parameter", out var p) ? p.GetString() : null);
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}

