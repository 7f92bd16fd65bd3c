using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class IngestionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Accepts_a_valid_return_and_moves_it_to_accepted()
    {
        using var app = PipelineHarness.Create(azurite);
        var bytes = ReturnFiles.Valid("2024-Q3");
        await app.UploadAsync("returns/2024-Q3.csv", bytes);

        var outcome = await app.Get<UploadProcessor>().ProcessAsync("returns/2024-Q3.csv");

        Assert.NotNull(outcome);
        Assert.Equal(UploadStatus.Accepted, outcome.Status);
        Assert.Equal("2024-Q3", outcome.Quarter);
        Assert.Equal("returns/2024-Q3.csv", outcome.StoredAs);
        Assert.Equal(Sha(bytes), outcome.Sha256);
        Assert.Empty(await app.ListAsync(app.Uploads));
        Assert.Equal(["returns/2024-Q3.csv"], await app.ListAsync(app.Accepted));
        Assert.Equal(bytes, await app.ReadAsync(app.Accepted, "returns/2024-Q3.csv"));
        Assert.Empty(await app.ListAsync(app.Rejected));

        var accepted = await app.Get<IAcceptedQuarterStore>().ReadFiguresAsync("serious-youth-violence", Quarter.Parse("2024-Q3"));
        Assert.NotNull(accepted);
        Assert.Equal("returns/2024-Q3.csv", accepted.File);
        Assert.Equal(Sha(bytes), accepted.Sha256);
        Assert.Equal(7, accepted.Areas.Count);
        Assert.Equal(ReturnFiles.OffencesTotal(), accepted.Areas.Sum(a => a.Offences));
        Assert.Equal(("E08000025", "Birmingham", 100L, 1L, 2L), Tuple(accepted.Areas[0]));
        Assert.Equal(("E08000031", "Wolverhampton", 106L, 7L, 8L), Tuple(accepted.Areas[6]));

        var ledger = Assert.Single(await app.Get<IUploadLedger>().ListAsync());
        Assert.Equal(("returns/2024-Q3.csv", Sha(bytes), (long)bytes.Length, UploadStatus.Accepted, "2024-Q3", 0, 0, "returns/2024-Q3.csv"),
            (ledger.File, ledger.Sha256, ledger.Size, ledger.Status, ledger.Quarter, ledger.Errors, ledger.Warnings, ledger.StoredAs));
        Assert.Equal(PipelineHarness.Today, ledger.ProcessedAt);
    }

    [Fact]
    public async Task Rejects_an_invalid_return_with_its_report_beside_it_and_changes_no_figure()
    {
        using var app = PipelineHarness.Create(azurite);
        var good = ReturnFiles.Valid("2024-Q3");
        await app.UploadAsync("2024-Q3.csv", good);
        await app.Get<UploadProcessor>().ProcessAsync("2024-Q3.csv");
        var before = await app.Get<IAcceptedQuarterStore>().GetAsync("serious-youth-violence", Quarter.Parse("2024-Q3"));

        var bad = ReturnFiles.KnifeExceedsOffences("2024-Q3");
        await app.UploadAsync("partners/bham/2024-Q3-fixed.csv", bad);
        var outcome = await app.Get<UploadProcessor>().ProcessAsync("partners/bham/2024-Q3-fixed.csv");

        Assert.NotNull(outcome);
        Assert.Equal(UploadStatus.Rejected, outcome.Status);
        Assert.Equal(
            ["partners/bham/2024-Q3-fixed.csv", "partners/bham/2024-Q3-fixed.csv.report.json"],
            (await app.ListAsync(app.Rejected)).Order(StringComparer.Ordinal));
        Assert.Equal(bad, await app.ReadAsync(app.Rejected, "partners/bham/2024-Q3-fixed.csv"));
        Assert.Empty(await app.ListAsync(app.Uploads));

        using var report = JsonDocument.Parse(await app.ReadAsync(app.Rejected, "partners/bham/2024-Q3-fixed.csv.report.json"));
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(Sha(bad), report.RootElement.GetProperty("sha256").GetString());
        var error = Assert.Single(report.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("knife-exceeds-offences", error.GetProperty("code").GetString());
        Assert.Equal(2, error.GetProperty("row").GetInt32());

        var after = await app.Get<IAcceptedQuarterStore>().GetAsync("serious-youth-violence", Quarter.Parse("2024-Q3"));
        Assert.Equal(before!.ConcurrencyToken, after!.ConcurrencyToken);
        Assert.Equal(Sha(good), after.Quarter.Sha256);

        var entry = Assert.Single(await app.Get<IUploadLedger>().ListAsync(), e => e.Status == UploadStatus.Rejected);
        Assert.Equal((Sha(bad), 1, "partners/bham/2024-Q3-fixed.csv"), (entry.Sha256, entry.Errors, entry.StoredAs));
    }

    [Fact]
    public async Task Sets_aside_a_file_that_is_not_csv_with_a_report()
    {
        using var app = PipelineHarness.Create(azurite);
        var bytes = Encoding.UTF8.GetBytes("PK\u0003\u0004 not really a spreadsheet");
        await app.UploadAsync("2024-Q3.xlsx", bytes);

        var outcome = await app.Get<UploadProcessor>().ProcessAsync("2024-Q3.xlsx");

        Assert.Equal(UploadStatus.Rejected, outcome!.Status);
        Assert.Equal("unsupported-file", Assert.Single(outcome.Report.Errors).Code);
        Assert.Equal(bytes, await app.ReadAsync(app.Rejected, "2024-Q3.xlsx"));
        Assert.Contains("2024-Q3.xlsx.report.json", await app.ListAsync(app.Rejected));
        Assert.Equal(Sha(bytes), Assert.Single(await app.Get<IUploadLedger>().ListAsync()).Sha256);
    }

    [Fact]
    public async Task Refuses_a_file_over_the_size_limit_but_keeps_it_and_records_its_hash()
    {
        var settings = PipelineHarness.NewSettings(azurite, new Dictionary<string, string?> { ["Pipeline:Validation:MaxFileBytes"] = "200" });
        using var app = PipelineHarness.Over(azurite, settings);
        var bytes = ReturnFiles.Valid("2024-Q3");
        Assert.True(bytes.Length > 200);
        await app.UploadAsync("2024-Q3.csv", bytes);

        var outcome = await app.Get<UploadProcessor>().ProcessAsync("2024-Q3.csv");

        Assert.Equal(UploadStatus.Rejected, outcome!.Status);
        Assert.Equal("file-too-large", Assert.Single(outcome.Report.Errors).Code);
        Assert.Equal(Sha(bytes), outcome.Sha256);
        Assert.Equal(bytes, await app.ReadAsync(app.Rejected, "2024-Q3.csv"));
        Assert.Equal(Sha(bytes), Assert.Single(await app.Get<IUploadLedger>().ListAsync()).Sha256);
    }

    [Fact]
    public async Task A_correction_replaces_the_quarter_and_both_files_are_kept()
    {
        using var app = PipelineHarness.Create(azurite);
        var first = ReturnFiles.Valid("2024-Q3", offencesBase: 100);
        var correction = ReturnFiles.Valid("2024-Q3", offencesBase: 200);
        await app.UploadAsync("2024-Q3.csv", first);
        await app.Get<UploadProcessor>().ProcessAsync("2024-Q3.csv");
        await app.UploadAsync("2024-Q3.csv", correction);

        var outcome = await app.Get<UploadProcessor>().ProcessAsync("2024-Q3.csv");

        var hashed = $"2024-Q3.{Sha(correction)[..12]}.csv";
        Assert.Equal((UploadStatus.Accepted, hashed), (outcome!.Status, outcome.StoredAs));
        var accepted = await app.Get<IAcceptedQuarterStore>().ReadFiguresAsync("serious-youth-violence", Quarter.Parse("2024-Q3"));
        Assert.Equal(ReturnFiles.OffencesTotal(200), accepted!.Areas.Sum(a => a.Offences));
        Assert.Equal(Sha(correction), accepted.Sha256);
        Assert.Equal(["2024-Q3.csv", hashed], (await app.ListAsync(app.Accepted)).Order(StringComparer.Ordinal));
        Assert.Equal(first, await app.ReadAsync(app.Accepted, "2024-Q3.csv"));
        Assert.Equal(correction, await app.ReadAsync(app.Accepted, hashed));
        Assert.Equal(2, (await app.Get<IUploadLedger>().ListAsync()).Count(e => e.Status == UploadStatus.Accepted));
    }

    [Fact]
    public async Task Identical_bytes_under_another_name_change_nothing()
    {
        using var app = PipelineHarness.Create(azurite);
        var bytes = ReturnFiles.Valid("2024-Q3");
        await app.UploadAsync("2024-Q3.csv", bytes);
        await app.Get<UploadProcessor>().ProcessAsync("2024-Q3.csv");
        var before = await app.Get<IAcceptedQuarterStore>().GetAsync("serious-youth-violence", Quarter.Parse("2024-Q3"));

        await app.UploadAsync("resent/2024-Q3 copy.csv", bytes);
        var outcome = await app.Get<UploadProcessor>().ProcessAsync("resent/2024-Q3 copy.csv");

        Assert.Equal(UploadStatus.Duplicate, outcome!.Status);
        var after = await app.Get<IAcceptedQuarterStore>().GetAsync("serious-youth-violence", Quarter.Parse("2024-Q3"));
        Assert.Equal(before!.ConcurrencyToken, after!.ConcurrencyToken);
        Assert.Equal("2024-Q3.csv", after.Quarter.File);
        Assert.Equal(["2024-Q3.csv", "resent/2024-Q3 copy.csv"], (await app.ListAsync(app.Accepted)).Order(StringComparer.Ordinal));
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task Redelivery_of_an_upload_already_processed_does_nothing()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.UploadAsync("2024-Q3.csv", ReturnFiles.Valid("2024-Q3"));
        var processor = app.Get<UploadProcessor>();
        await processor.ProcessAsync("2024-Q3.csv");
        var before = await app.Get<IAcceptedQuarterStore>().GetAsync("serious-youth-violence", Quarter.Parse("2024-Q3"));

        var again = await processor.ProcessAsync("2024-Q3.csv");

        Assert.Null(again);
        Assert.Equal(before!.ConcurrencyToken, (await app.Get<IAcceptedQuarterStore>().GetAsync("serious-youth-violence", Quarter.Parse("2024-Q3")))!.ConcurrencyToken);
        Assert.Single(await app.Get<IUploadLedger>().ListAsync());
        Assert.Equal(["2024-Q3.csv"], await app.ListAsync(app.Accepted));
    }

    [Fact]
    public async Task An_earlier_upload_processed_after_a_later_one_does_not_overwrite_it()
    {
        using var app = PipelineHarness.Create(azurite);
        var older = ReturnFiles.Valid("2024-Q3", offencesBase: 100);
        var newer = ReturnFiles.Valid("2024-Q3", offencesBase: 300);
        await app.UploadAsync("a/2024-Q3.csv", older);
        await Task.Delay(1100); // Creation times, which storage keeps to the second, order the two uploads.
        await app.UploadAsync("b/2024-Q3.csv", newer);

        var processor = app.Get<UploadProcessor>();
        Assert.Equal(UploadStatus.Accepted, (await processor.ProcessAsync("b/2024-Q3.csv"))!.Status);
        Assert.Equal(UploadStatus.Superseded, (await processor.ProcessAsync("a/2024-Q3.csv"))!.Status);

        var accepted = await app.Get<IAcceptedQuarterStore>().ReadFiguresAsync("serious-youth-violence", Quarter.Parse("2024-Q3"));
        Assert.Equal(Sha(newer), accepted!.Sha256);
        Assert.Equal(["a/2024-Q3.csv", "b/2024-Q3.csv"], (await app.ListAsync(app.Accepted)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_returns_for_one_quarter_processed_concurrently_end_consistent()
    {
        for (var round = 0; round < 3; round++)
        {
            var settings = PipelineHarness.NewSettings(azurite);
            using var instanceA = PipelineHarness.Over(azurite, settings);
            using var instanceB = PipelineHarness.Over(azurite, settings);
            var older = ReturnFiles.Valid("2024-Q3", offencesBase: 100 + round);
            var newer = ReturnFiles.Valid("2024-Q3", offencesBase: 500 + round);
            await instanceA.UploadAsync("first.csv", older);
            await Task.Delay(1100); // Storage keeps creation times to the second.
            await instanceA.UploadAsync("second.csv", newer);

            var outcomes = await Task.WhenAll(
                Task.Run(() => instanceA.Get<UploadProcessor>().ProcessAsync("first.csv")),
                Task.Run(() => instanceB.Get<UploadProcessor>().ProcessAsync("second.csv")));

            var accepted = await instanceA.Get<IAcceptedQuarterStore>().ReadFiguresAsync("serious-youth-violence", Quarter.Parse("2024-Q3"));
            Assert.Equal(("second.csv", Sha(newer)), (accepted!.File, accepted.Sha256));
            Assert.Equal(ReturnFiles.OffencesTotal(500 + round), accepted.Areas.Sum(a => a.Offences));
            Assert.Contains(outcomes[0]!.Status, new[] { UploadStatus.Accepted, UploadStatus.Superseded });
            Assert.Equal(UploadStatus.Accepted, outcomes[1]!.Status);
            Assert.Equal(["first.csv", "second.csv"], (await instanceA.ListAsync(instanceA.Accepted)).Order(StringComparer.Ordinal));
            Assert.Equal(2, (await instanceA.Get<IUploadLedger>().ListAsync()).Count);
        }
    }

    [Fact]
    public async Task A_reader_polling_during_corrections_never_sees_a_mix_of_versions()
    {
        using var app = PipelineHarness.Create(azurite);
        var versions = new Dictionary<string, long>();
        var processor = app.Get<UploadProcessor>();
        using var stop = new CancellationTokenSource();
        var store = app.Get<IAcceptedQuarterStore>();
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var seen = await store.ReadFiguresAsync("serious-youth-violence", Quarter.Parse("2024-Q3"));
                if (seen is null)
                {
                    continue;
                }

                reads++;
                var areas = seen.Areas;
                // Every area of one version has offences = base + index: one base throughout means one version.
                var bases = areas.Select((a, i) => a.Offences - i).Distinct().ToList();
                Assert.Single(bases);
                lock (versions)
                {
                    Assert.Equal(versions[seen.Sha256], bases[0]);
                }
            }
        });

        for (var i = 0; i < 8; i++)
        {
            var offencesBase = 100 + (i * 50);
            var bytes = ReturnFiles.Valid("2024-Q3", offencesBase);
            lock (versions)
            {
                versions[Sha(bytes)] = offencesBase;
            }

            await app.UploadAsync($"v{i}/2024-Q3.csv", bytes);
            Assert.Equal(UploadStatus.Accepted, (await processor.ProcessAsync($"v{i}/2024-Q3.csv"))!.Status);
        }

        await stop.CancelAsync();
        await reader;
        Assert.True(reads > 0);
    }

    [Fact]
    public async Task An_upload_overwritten_while_processing_is_not_deleted()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.UploadAsync("2024-Q3.csv", ReturnFiles.Valid("2024-Q3"));
        var store = app.Get<IUploadStore>();
        await using var opened = await store.OpenAsync("2024-Q3.csv");

        var newer = ReturnFiles.Valid("2024-Q3", offencesBase: 900);
        await app.UploadAsync("2024-Q3.csv", newer);

        Assert.Equal(UploadRemoval.Changed, await store.DeleteAsync(opened!));
        Assert.Equal(newer, await app.ReadAsync(app.Uploads, "2024-Q3.csv"));
    }

    [Fact]
    public async Task Within_one_second_the_upload_processed_last_wins()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var app = PipelineHarness.Create(azurite);
            var first = ReturnFiles.Valid("2024-Q3", offencesBase: 100);
            var second = ReturnFiles.Valid("2024-Q3", offencesBase: 300);
            await app.UploadAsync("b/2024-Q3.csv", first);
            await app.UploadAsync("a/2024-Q3.csv", second);
            var created = await Task.WhenAll(
                app.Uploads.GetBlobClient("b/2024-Q3.csv").GetPropertiesAsync(),
                app.Uploads.GetBlobClient("a/2024-Q3.csv").GetPropertiesAsync());
            if (created[0].Value.CreatedOn != created[1].Value.CreatedOn)
            {
                continue; // The two uploads straddled a second boundary: try again for a pair within one second.
            }

            var processor = app.Get<UploadProcessor>();
            Assert.Equal(UploadStatus.Accepted, (await processor.ProcessAsync("b/2024-Q3.csv"))!.Status);
            Assert.Equal(UploadStatus.Accepted, (await processor.ProcessAsync("a/2024-Q3.csv"))!.Status);
            Assert.Equal(Sha(second), (await app.Get<IAcceptedQuarterStore>().GetAsync("serious-youth-violence", Quarter.Parse("2024-Q3")))!.Quarter.Sha256);
            return;
        }

        Assert.Fail("Five times in a row two uploads straddled a second boundary.");
    }

    internal static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static (string, string, long, long, long) Tuple(Core.Returns.AreaFigures a) =>
        (a.AreaCode, a.AreaName, a.Counts[0], a.Counts[1], a.Counts[2]);
}
