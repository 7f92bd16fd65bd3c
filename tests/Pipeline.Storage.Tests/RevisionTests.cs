using System.Text.Json;
using Azure.Data.Tables;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;
using Pipeline.Core.Revisions;
using Pipeline.Core.Status;
using Pipeline.Core.Summaries;

namespace Pipeline.Storage.Tests;

/// <summary>
/// Revisions: the first version of a quarter ever accepted is revision 1, each accepted correction the next, written
/// with its record in the revision log in one transaction; duplicates and superseded uploads are not revisions; storage
/// written before revisions were tracked reads as revision 1 and is corrected into revision 2.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RevisionTests(AzuriteFixture azurite)
{
    private static readonly Quarter Q3 = new(2024, 3);

    [Fact]
    public async Task Each_accepted_correction_is_the_next_revision_and_duplicates_and_superseded_uploads_are_not()
    {
        using var app = PipelineHarness.Create(azurite);
        var first = await IngestAsync(app, "returns/2024-Q3.csv", ReturnFiles.Valid("2024-Q3"));
        Assert.Equal(1, await RevisionAsync(app));

        var correction = await IngestAsync(app, "returns/2024-Q3-fix.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 150));
        Assert.Equal(2, await RevisionAsync(app));

        Assert.Equal(UploadStatus.Duplicate, (await IngestAsync(app, "again/2024-Q3.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 150), expect: null)).Status);
        Assert.Equal(2, await RevisionAsync(app));

        // An upload made before the next correction but processed after it (its event was late): superseded.
        await app.UploadAsync("late/2024-Q3.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 60));
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // Storage dates uploads to the second.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await IngestAsync(app, "returns/2024-Q3-fix2.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 90));
        Assert.Equal(3, await RevisionAsync(app));
        Assert.Equal(UploadStatus.Superseded, (await IngestAsync(app, "late/2024-Q3.csv", null!, expect: null, upload: false)).Status);
        Assert.Equal(3, await RevisionAsync(app));

        var log = await app.Get<RevisionLog>().ListAsync(DatasetRegistry.BuiltIn.Default);
        Assert.Equal([3, 2], log.Select(r => r.Revision));
        var newest = log[0];
        Assert.Equal(
            (Q3, "returns/2024-Q3-fix2.csv", second.Sha256, "returns/2024-Q3-fix.csv", correction.Sha256),
            (newest.Quarter, newest.File, newest.Sha256, newest.PreviousFile, newest.PreviousSha256));
        Assert.Equal([ReturnFiles.OffencesTotal(150), 28, 35], newest.PreviousTotals);
        Assert.Equal([ReturnFiles.OffencesTotal(90), 28, 35], newest.Totals);
        Assert.Equal(PipelineHarness.Today.AddMinutes(1), newest.AcceptedAt);
        Assert.Equal((first.Sha256, ReturnFiles.OffencesTotal()), (log[1].PreviousSha256, log[1].PreviousTotals[0]));
    }

    [Fact]
    public async Task The_summary_names_each_sources_revision_and_when_it_was_accepted()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        var sample = await File.ReadAllBytesAsync(RepositoryRoot.Combine("samples", "2024-Q2.csv"));
        var corrected = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(sample).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        await IngestAsync(app, "samples/2024-Q2.csv", corrected);
        await app.Get<RecalculationService>().RecalculateAsync(force: false);

        var response = await app.Get<SummaryService>().GetAsync([]);
        using var summary = JsonDocument.Parse(response.Body);
        var sources = summary.RootElement.GetProperty("sources").EnumerateArray()
            .ToDictionary(s => s.GetProperty("quarter").GetString()!, s => (s.GetProperty("revision").GetInt32(), s.GetProperty("acceptedAt").GetDateTimeOffset()));
        Assert.Equal((2, PipelineHarness.Today.AddHours(1)), sources["2024-Q2"]);
        Assert.Equal((1, PipelineHarness.Today), sources["2023-Q2"]);
        Assert.Equal(8, sources.Count);
    }

    [Fact]
    public async Task A_quarter_stored_before_revisions_reads_as_revision_1_and_its_correction_is_revision_2()
    {
        using var app = PipelineHarness.Create(azurite);
        var original = await IngestAsync(app, "returns/2024-Q3.csv", ReturnFiles.Valid("2024-Q3"));
        var table = app.Tables.GetTableClient(app.Settings["Pipeline:Storage:AcceptedQuartersTable"]);
        var entity = (await table.GetEntityAsync<TableEntity>("quarter", "2024-Q3")).Value;
        entity.Remove("Revision"); // As the previous version wrote it.
        await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace);

        using var upgraded = PipelineHarness.Over(azurite, app.Settings);
        Assert.Equal(1, await RevisionAsync(upgraded));
        Assert.Equal(1, (await upgraded.Get<StatusService>().GetAsync(DatasetRegistry.BuiltIn.Default)).Quarters.Single().Revision);

        await IngestAsync(upgraded, "returns/2024-Q3-fix.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 120));
        Assert.Equal(2, await RevisionAsync(upgraded));
        var revision = Assert.Single(await upgraded.Get<RevisionLog>().ListAsync(DatasetRegistry.BuiltIn.Default));
        Assert.Equal((2, original.Sha256, ReturnFiles.OffencesTotal(), ReturnFiles.OffencesTotal(120)), (revision.Revision, revision.PreviousSha256, revision.PreviousTotals[0], revision.Totals[0]));
        Assert.Single(await upgraded.Get<IAcceptedQuarterStore>().ListAsync()); // The log's rows are not quarters.
    }

    [Fact]
    public async Task Two_corrections_racing_make_revisions_2_and_3_never_two_revisions_2()
    {
        using var app = PipelineHarness.Create(azurite);
        await IngestAsync(app, "returns/2024-Q3.csv", ReturnFiles.Valid("2024-Q3"));
        using var other = PipelineHarness.Over(azurite, app.Settings);
        await app.UploadAsync("a/2024-Q3.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 200));
        await app.UploadAsync("b/2024-Q3.csv", ReturnFiles.Valid("2024-Q3", offencesBase: 300));

        var outcomes = await Task.WhenAll(
            Task.Run(() => app.Get<UploadProcessor>().ProcessAsync("a/2024-Q3.csv")),
            Task.Run(() => other.Get<UploadProcessor>().ProcessAsync("b/2024-Q3.csv")));

        var log = await app.Get<RevisionLog>().ListAsync(DatasetRegistry.BuiltIn.Default);
        var accepted = outcomes.Count(o => o!.Status == UploadStatus.Accepted);
        Assert.Equal(Enumerable.Range(2, accepted).Reverse(), log.Select(r => r.Revision).OrderDescending());
        Assert.Equal(1 + accepted, await RevisionAsync(app));
        if (accepted == 2)
        {
            Assert.Equal(log[^1].Sha256, log[0].PreviousSha256); // A chain: the later correction replaced the earlier one.
        }
    }

    private static async Task<int> RevisionAsync(PipelineHarness app) =>
        (await app.Get<IAcceptedQuarterStore>().GetAsync(DatasetDefinition.DefaultId, Q3))!.Quarter.Revision;

    private static async Task<UploadOutcome> IngestAsync(PipelineHarness app, string name, byte[] content, UploadStatus? expect = UploadStatus.Accepted, bool upload = true)
    {
        if (upload)
        {
            await app.UploadAsync(name, content);
        }

        var outcome = await app.Get<UploadProcessor>().ProcessAsync(name);
        Assert.NotNull(outcome);
        if (expect is { } status)
        {
            Assert.Equal(status, outcome.Status);
        }

        return outcome;
    }
}
