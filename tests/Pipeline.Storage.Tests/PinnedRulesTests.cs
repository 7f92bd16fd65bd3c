using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;
using Pipeline.Core.Summaries;

namespace Pipeline.Storage.Tests;

/// <summary>Rules that small deliberate bugs once slipped past: each test here fails when its rule breaks.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PinnedRulesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_copy_is_of_the_very_version_validated_and_never_of_a_newer_one()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.UploadAsync("2024-Q3.csv", ReturnFiles.Valid("2024-Q3"));
        var store = app.Get<IUploadStore>();
        await using var opened = await store.OpenAsync("2024-Q3.csv");
        await app.UploadAsync("2024-Q3.csv", ReturnFiles.KnifeExceedsOffences("2024-Q3")); // replaced after validation

        var refused = await Assert.ThrowsAsync<UploadChangedException>(
            () => store.PreserveAsync(opened!, IngestionTests.Sha(ReturnFiles.Valid("2024-Q3")), Disposition.Accepted, reportJson: null));

        Assert.Equal("2024-Q3.csv", refused.Name);
        Assert.Empty(await app.ListAsync(app.Accepted));
        Assert.Equal(ReturnFiles.KnifeExceedsOffences("2024-Q3"), await app.ReadAsync(app.Uploads, "2024-Q3.csv"));
    }

    [Fact]
    public async Task Every_outcome_is_recorded_with_its_sha256_and_the_time_it_was_processed()
    {
        using var app = PipelineHarness.Create(azurite);
        var processor = app.Get<UploadProcessor>();
        var older = ReturnFiles.Valid("2024-Q3", offencesBase: 200);
        var newer = ReturnFiles.Valid("2024-Q3", offencesBase: 300);
        await app.UploadAsync("older/2024-Q3.csv", older);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // creation times are whole seconds
        await app.UploadAsync("newer/2024-Q3.csv", newer);
        await app.UploadAsync("bad/2024-Q3.csv", ReturnFiles.KnifeExceedsOffences("2024-Q3"));

        var times = new Dictionary<string, DateTimeOffset>();
        foreach (var name in new[] { "newer/2024-Q3.csv", "older/2024-Q3.csv", "bad/2024-Q3.csv" })
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            times[name] = app.Clock.GetUtcNow();
            await processor.ProcessAsync(name);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        times["again/2024-Q3.csv"] = app.Clock.GetUtcNow();
        await app.UploadAsync("again/2024-Q3.csv", newer);
        await processor.ProcessAsync("again/2024-Q3.csv");

        var ledger = (await app.Get<IUploadLedger>().ListAsync()).ToDictionary(e => e.File);
        Assert.Equal(
            [
                ("again/2024-Q3.csv", UploadStatus.Duplicate, IngestionTests.Sha(newer)),
                ("bad/2024-Q3.csv", UploadStatus.Rejected, IngestionTests.Sha(ReturnFiles.KnifeExceedsOffences("2024-Q3"))),
                ("newer/2024-Q3.csv", UploadStatus.Accepted, IngestionTests.Sha(newer)),
                ("older/2024-Q3.csv", UploadStatus.Superseded, IngestionTests.Sha(older)),
            ],
            ledger.Values.OrderBy(e => e.File, StringComparer.Ordinal).Select(e => (e.File, e.Status, e.Sha256)));
        foreach (var (name, at) in times)
        {
            Assert.Equal(at, ledger[name].ProcessedAt);
        }
    }

    [Fact]
    public async Task The_stored_and_served_default_is_the_latest_complete_period_even_with_a_later_year_to_date_one()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        await app.UploadAsync("2025-Q1.csv", ReturnFiles.Valid("2025-Q1"));
        Assert.Equal(UploadStatus.Accepted, (await app.Get<UploadProcessor>().ProcessAsync("2025-Q1.csv"))!.Status);
        await app.Get<RecalculationService>().RecalculateAsync(force: true);

        var stored = await app.Get<IComparisonStore>().GetAsync("serious-youth-violence", YearBasis.Calendar, null);
        var served = await app.Get<SummaryService>().GetAsync(Array.Empty<KeyValuePair<string, string?>>());

        using (var later = JsonDocument.Parse((await app.Get<IComparisonStore>().GetAsync("serious-youth-violence", YearBasis.Calendar, new Period(YearBasis.Calendar, 2025)))!.Json))
        {
            Assert.Equal("year-to-date", later.RootElement.GetProperty("status").GetString());
        }

        using var storedJson = JsonDocument.Parse(stored!.Json);
        using var servedJson = JsonDocument.Parse(served.Body);
        Assert.Equal(("2024", "complete"), (storedJson.RootElement.GetProperty("period").GetString(), storedJson.RootElement.GetProperty("status").GetString()));
        Assert.Equal("2024", servedJson.RootElement.GetProperty("period").GetString());
    }
}
