using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Specialized;
using Pipeline.Core;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Storage.Tests;

/// <summary>
/// Uploads as a careless or hostile partner (and other storage clients) make them: odd and long names, names that
/// collide with reports and with earlier copies, leases, names the SDK cannot address. Nothing is ever lost or stuck.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileUploadTests(AzuriteFixture azurite)
{
    public static TheoryData<string> LegalNames() =>
    [
        string.Concat(Enumerable.Repeat("犯罪統計", 20)) + ".csv", // 80 CJK characters: 724 once percent-escaped
        "returns/" + new string('n', 892) + ".csv", // 904 characters
        new string('x', 1020) + ".csv", // the longest legal blob name, 1,024 characters
        "é/ü Q3 return.csv",
        "a#b?c%41.csv",
        "a//b.csv",
        "trailing dot.csv.",
        "emoji 📊.csv",
    ];

    [Theory]
    [MemberData(nameof(LegalNames))]
    public async Task Processes_any_legal_blob_name_and_records_it_in_the_ledger(string name)
    {
        using var app = PipelineHarness.Create(azurite);
        await app.UploadAsync(name, ReturnFiles.KnifeExceedsOffences("2024-Q3"));

        var outcome = await app.Get<UploadProcessor>().ProcessAsync(name);

        // Kept under its own name, unless that leaves no room for its report's ".report.json" within Azure's 1,024
        // characters: then under the name shortened and tagged with the hash.
        Assert.NotNull(outcome);
        var kept = name.Length <= 1024 - 12 ? name : name[..(1024 - 12 - 1 - 12 - 4)] + "." + outcome.Sha256[..12] + ".csv";
        Assert.Equal((UploadStatus.Rejected, kept), (outcome.Status, outcome.StoredAs));
        Assert.Empty(await app.ListAsync(app.Uploads));
        var entry = Assert.Single(await app.Get<IUploadLedger>().ListAsync());
        Assert.Equal((name, UploadStatus.Rejected, kept), (entry.File, entry.Status, entry.StoredAs));
        Assert.Equal(ReturnFiles.KnifeExceedsOffences("2024-Q3"), await app.ReadAsync(app.Rejected, kept));
        Assert.Equal([kept, kept + ".report.json"], (await app.ListAsync(app.Rejected)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_report_never_overwrites_an_upload_named_like_a_report()
    {
        using var app = PipelineHarness.Create(azurite);
        var partnerFile = Encoding.UTF8.GetBytes("a partner's own bytes");
        await app.UploadAsync("col.csv.report.json", partnerFile);
        Assert.Equal(UploadStatus.Rejected, (await app.Get<UploadProcessor>().ProcessAsync("col.csv.report.json"))!.Status);

        var bad = ReturnFiles.KnifeExceedsOffences("2024-Q3");
        await app.UploadAsync("col.csv", bad);
        var outcome = await app.Get<UploadProcessor>().ProcessAsync("col.csv");

        var tag = Sha(bad)[..12];
        Assert.Equal(($"col.{tag}.csv", $"col.{tag}.csv.report.json"), (outcome!.StoredAs, outcome.ReportName));
        Assert.Equal(partnerFile, await app.ReadAsync(app.Rejected, "col.csv.report.json"));
        Assert.Equal(bad, await app.ReadAsync(app.Rejected, $"col.{tag}.csv"));
        Assert.Contains("knife-exceeds-offences", Encoding.UTF8.GetString(await app.ReadAsync(app.Rejected, $"col.{tag}.csv.report.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("col.csv", await app.ListAsync(app.Rejected)); // no copy left behind without its report
    }

    [Fact]
    public async Task An_upload_named_like_a_report_never_overwrites_the_report()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.UploadAsync("col.csv", ReturnFiles.KnifeExceedsOffences("2024-Q3"));
        await app.Get<UploadProcessor>().ProcessAsync("col.csv");
        var report = await app.ReadAsync(app.Rejected, "col.csv.report.json");

        var partnerFile = Encoding.UTF8.GetBytes("not a report at all");
        await app.UploadAsync("col.csv.report.json", partnerFile);
        var outcome = await app.Get<UploadProcessor>().ProcessAsync("col.csv.report.json");

        Assert.Equal($"col.csv.report.{Sha(partnerFile)[..12]}.json", outcome!.StoredAs);
        Assert.Equal(partnerFile, await app.ReadAsync(app.Rejected, outcome.StoredAs));
        Assert.Equal(report, await app.ReadAsync(app.Rejected, "col.csv.report.json"));
    }

    [Fact]
    public async Task A_taken_hashed_name_moves_on_to_a_numbered_one()
    {
        using var app = PipelineHarness.Create(azurite);
        var bad = ReturnFiles.KnifeExceedsOffences("2024-Q3");
        var tag = Sha(bad)[..12];
        await app.Rejected.CreateIfNotExistsAsync();
        foreach (var taken in new[] { "r.csv", $"r.{tag}.csv", $"r.{tag}-2.csv.report.json" })
        {
            await app.Rejected.GetBlobClient(taken).UploadAsync(BinaryData.FromString("someone else's " + taken));
        }

        await app.UploadAsync("r.csv", bad);
        var outcome = await app.Get<UploadProcessor>().ProcessAsync("r.csv");

        Assert.Equal(($"r.{tag}-3.csv", $"r.{tag}-3.csv.report.json"), (outcome!.StoredAs, outcome.ReportName));
        Assert.Empty(await app.ListAsync(app.Uploads));
        foreach (var taken in new[] { "r.csv", $"r.{tag}.csv", $"r.{tag}-2.csv.report.json" })
        {
            Assert.Equal("someone else's " + taken, Encoding.UTF8.GetString(await app.ReadAsync(app.Rejected, taken)));
        }

        // The report written for a name whose file slot was taken is taken back: nothing stray is left.
        Assert.DoesNotContain($"r.{tag}.csv.report.json", await app.ListAsync(app.Rejected));
    }

    [Fact]
    public async Task Every_numbered_name_taken_still_finds_a_free_one()
    {
        using var app = PipelineHarness.Create(azurite);
        var good = ReturnFiles.Valid("2024-Q3");
        var tag = Sha(good)[..12];
        await app.Accepted.CreateIfNotExistsAsync();
        var taken = new List<string> { "t.csv", $"t.{tag}.csv" };
        taken.AddRange(Enumerable.Range(2, 19).Select(n => $"t.{tag}-{n}.csv"));
        foreach (var name in taken)
        {
            await app.Accepted.GetBlobClient(name).UploadAsync(BinaryData.FromString("taken"));
        }

        await app.UploadAsync("t.csv", good);
        var outcome = await app.Get<UploadProcessor>().ProcessAsync("t.csv");

        Assert.Equal(UploadStatus.Accepted, outcome!.Status);
        Assert.StartsWith($"t.{Sha(good)}-", outcome.StoredAs, StringComparison.Ordinal);
        Assert.Equal(good, await app.ReadAsync(app.Accepted, outcome.StoredAs));
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task A_unique_name_for_a_1024_character_name_still_fits()
    {
        using var app = PipelineHarness.Create(azurite);
        var name = new string('q', 1020) + ".csv";
        var first = ReturnFiles.Valid("2024-Q3");
        var second = ReturnFiles.Valid("2024-Q3", offencesBase: 200);
        await app.UploadAsync(name, first);
        await app.Get<UploadProcessor>().ProcessAsync(name);

        await app.UploadAsync(name, second);
        var outcome = await app.Get<UploadProcessor>().ProcessAsync(name);

        Assert.Equal(1024, outcome!.StoredAs.Length);
        Assert.EndsWith($".{Sha(second)[..12]}.csv", outcome.StoredAs, StringComparison.Ordinal);
        Assert.Equal(second, await app.ReadAsync(app.Accepted, outcome.StoredAs));
        Assert.Equal(first, await app.ReadAsync(app.Accepted, name));
    }

    [Fact]
    public async Task A_leased_upload_is_processed_once_and_says_it_is_still_waiting()
    {
        using var app = PipelineHarness.Create(azurite);
        var good = ReturnFiles.Valid("2024-Q3");
        await app.UploadAsync("leased.csv", good);
        var lease = app.Uploads.GetBlobClient("leased.csv").GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(-1));
        var processor = app.Get<UploadProcessor>();

        var first = await processor.ProcessAsync("leased.csv");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await processor.ProcessAsync("leased.csv");

        Assert.Equal((UploadStatus.Accepted, true), (first!.Status, first.StillWaiting));
        Assert.Contains("another client holds a lease", first.Notice, StringComparison.Ordinal);
        Assert.Equal((UploadStatus.Accepted, true), (second!.Status, second.StillWaiting));
        Assert.StartsWith("Already processed at 2026-11-26T09:00:00+00:00 (accepted); nothing was done again.", second.Notice, StringComparison.Ordinal);
        var entry = Assert.Single(await app.Get<IUploadLedger>().ListAsync());
        Assert.Contains("another client holds a lease", entry.Notice, StringComparison.Ordinal);
        Assert.Equal(PipelineHarness.Today, entry.ProcessedAt);
        Assert.Equal(["leased.csv"], await app.ListAsync(app.Accepted));
        Assert.Equal(["leased.csv"], await app.ListAsync(app.Uploads));

        await lease.ReleaseAsync();
        var third = await processor.ProcessAsync("leased.csv");

        Assert.Equal((UploadStatus.Accepted, false), (third!.Status, third.StillWaiting));
        Assert.Empty(await app.ListAsync(app.Uploads));
        Assert.Null(Assert.Single(await app.Get<IUploadLedger>().ListAsync()).Notice);
    }

    [Theory]
    [InlineData("violence-admissions\\x.csv")]
    [InlineData("..\\..\\accepted\\precious.csv")]
    public async Task A_name_with_a_backslash_is_refused_before_any_request(string name)
    {
        // Storage (Azurite, and the SDK's URL) turns '\\' into '/': such a name would address another blob than itself.
        var counter = new RequestCounter();
        using var app = PipelineHarness.Create(azurite, counter);

        var failure = await Assert.ThrowsAsync<UploadNameException>(() => app.Get<UploadProcessor>().ProcessAsync(name));

        Assert.Equal(
            $"The blob name '{name.Replace("\\", "\\\\", StringComparison.Ordinal)}' cannot be processed: it has a '\\', which the storage client sends as '/', a folder, so it would address another blob. Rename or remove it with another storage tool.",
            failure.Message);
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task The_tests_refuse_a_blob_name_over_1024_characters_as_Azure_does()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.Uploads.CreateIfNotExistsAsync();

        await app.Uploads.GetBlobClient(new string('z', 1024)).UploadAsync(BinaryData.FromString("fits"));
        var refused = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => app.Uploads.GetBlobClient(new string('z', 1025)).UploadAsync(BinaryData.FromString("too long")));

        Assert.Equal((400, "OutOfRangeInput"), (refused.Status, refused.ErrorCode));
        Assert.Equal([new string('z', 1024)], await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task A_rejected_upload_named_1024_characters_keeps_its_report_within_the_limit()
    {
        using var app = PipelineHarness.Create(azurite);
        var name = "drops/" + new string('r', 1014) + ".csv";
        await app.UploadAsync(name, ReturnFiles.KnifeExceedsOffences("2024-Q3"));

        var outcome = (await app.Get<UploadProcessor>().ProcessAsync(name))!;

        Assert.Equal(UploadStatus.Rejected, outcome.Status);
        var kept = "drops/" + new string('r', 1024 - 6 - 1 - 12 - 4 - 12) + "." + outcome.Sha256[..12] + ".csv";
        Assert.Equal((kept, kept + ".report.json"), (outcome.StoredAs, outcome.ReportName));
        Assert.Equal(1024, outcome.ReportName!.Length);
        Assert.Equal([kept, kept + ".report.json"], (await app.ListAsync(app.Rejected)).Order(StringComparer.Ordinal));
        Assert.Equal(kept, Assert.Single(await app.Get<IUploadLedger>().ListAsync()).StoredAs);
    }

    [Theory]
    [InlineData("..%2Fback.csv", "../back.csv")]
    [InlineData("a%2F.%2Fb.csv", "a/./b.csv")]
    [InlineData("..%2F{accepted}%2Fprecious.csv", "../{accepted}/precious.csv")]
    public async Task A_name_the_SDK_would_resolve_elsewhere_is_refused_and_touches_nothing(string escaped, string name)
    {
        using var app = PipelineHarness.Create(azurite);
        escaped = escaped.Replace("{accepted}", app.Accepted.Name, StringComparison.Ordinal);
        name = name.Replace("{accepted}", app.Accepted.Name, StringComparison.Ordinal);
        await app.Uploads.CreateIfNotExistsAsync();
        await app.Accepted.CreateIfNotExistsAsync();
        await app.Accepted.GetBlobClient("precious.csv").UploadAsync(BinaryData.FromString("precious"));
        await azurite.RawBlob(app.Uploads.Name, escaped).UploadAsync(new BinaryData(ReturnFiles.Valid("2024-Q3")));
        Assert.Equal([name], await app.ListAsync(app.Uploads));

        var failure = await Assert.ThrowsAsync<UploadNameException>(() => app.Get<UploadProcessor>().ProcessAsync(name));

        Assert.Contains($"'{UploadNames.Visible(name)}'", failure.Message, StringComparison.Ordinal);
        Assert.Equal([name], await app.ListAsync(app.Uploads));
        Assert.Equal("precious", Encoding.UTF8.GetString(await app.ReadAsync(app.Accepted, "precious.csv")));
        Assert.Equal(["precious.csv"], await app.ListAsync(app.Accepted));
        Assert.Empty(await app.Get<IUploadLedger>().ListAsync());
    }

    [Fact]
    public async Task Process_goes_on_past_an_upload_it_cannot_process_and_names_it()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.UploadAsync("2024-Q1.csv", ReturnFiles.Valid("2024-Q1"));
        await azurite.RawBlob(app.Uploads.Name, "..%2Fback.csv").UploadAsync(new BinaryData(ReturnFiles.Valid("2024-Q2")));
        await app.UploadAsync("2024-Q3.csv", ReturnFiles.Valid("2024-Q3"));

        var run = await app.Get<UploadProcessor>().ProcessPendingAsync();

        Assert.Equal(["2024-Q1.csv", "2024-Q3.csv"], run.Outcomes.Select(o => o.File));
        var failure = Assert.Single(run.Failures);
        Assert.Equal("../back.csv", failure.File);
        Assert.Contains("cannot be processed", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["../back.csv"], await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task A_create_only_upload_never_replaces_one_still_waiting()
    {
        using var app = PipelineHarness.Create(azurite);
        var store = app.Get<IUploadStore>();
        using var first = new MemoryStream(ReturnFiles.Valid("2024-Q3"));
        using var second = new MemoryStream(ReturnFiles.Valid("2024-Q3", offencesBase: 500));

        var version = await store.TryCreateAsync("same.csv", first);
        var refused = await store.TryCreateAsync("same.csv", second);

        Assert.NotNull(version);
        Assert.Null(refused);
        Assert.Equal(ReturnFiles.Valid("2024-Q3"), await app.ReadAsync(app.Uploads, "same.csv"));
    }

    [Fact]
    public async Task Processing_a_given_version_ignores_a_newer_blob_of_the_same_name()
    {
        using var app = PipelineHarness.Create(azurite);
        using var content = new MemoryStream(ReturnFiles.Valid("2024-Q3"));
        var version = await app.Get<IUploadStore>().TryCreateAsync("v.csv", content);
        await app.UploadAsync("v.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 700)); // another client overwrites it

        var outcome = await app.Get<UploadProcessor>().ProcessAsync("v.csv", version);

        Assert.Null(outcome);
        Assert.Equal(["v.csv"], await app.ListAsync(app.Uploads));
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
