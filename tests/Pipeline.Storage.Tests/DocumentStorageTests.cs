using System.Text;
using Azure.Data.Tables;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;
using Pipeline.Core.Series;

namespace Pipeline.Storage.Tests;

/// <summary>
/// The documents container: a quarter's figures and large summary documents as write-once blobs, small ones kept in
/// their index entities, what was stored before the container existed still read, and old blobs cleaned up without
/// pulling one from under a reader.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DocumentStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_quarters_figures_are_a_blob_named_by_the_files_hash_and_its_entity_only_indexes_them()
    {
        using var app = PipelineHarness.Create(azurite);
        var bytes = ReturnFiles.Valid("2024-Q3");
        await app.UploadAsync("returns/2024-Q3.csv", bytes);
        var outcome = await app.Get<UploadProcessor>().ProcessAsync("returns/2024-Q3.csv");

        var name = $"figures/serious-youth-violence/2024-Q3/{outcome!.Sha256}.json";
        Assert.Equal([name], await app.ListAsync(app.Documents));
        var entity = (await app.Tables.GetTableClient(app.Settings["Pipeline:Storage:AcceptedQuartersTable"]).GetEntityAsync<TableEntity>("quarter", "2024-Q3")).Value;
        Assert.Equal(name, entity.GetString("Figures"));
        Assert.Equal(ReturnFiles.OffencesTotal(), entity.GetInt64("Offences"));
        Assert.DoesNotContain(entity.Keys, k => k.StartsWith("Figures0", StringComparison.Ordinal));
        Assert.StartsWith(
            "{\"dataset\":\"serious-youth-violence\",\"quarter\":\"2024-Q3\",\"sha256\":\"" + outcome.Sha256 + "\",\"fields\":[\"offences\",\"knife_offences\",\"positive_outcomes\"]," +
            "\"areas\":[{\"code\":\"E08000025\",\"name\":\"Birmingham\",\"counts\":[100,1,2]}",
            Encoding.UTF8.GetString(await app.ReadAsync(app.Documents, name)));
    }

    [Fact]
    public async Task Figures_whose_blob_is_missing_or_not_theirs_are_an_error_naming_the_blob()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.UploadAsync("a/2024-Q3.csv", ReturnFiles.Valid("2024-Q3"));
        await app.UploadAsync("a/2024-Q2.csv", ReturnFiles.Valid("2024-Q2"));
        var q3 = (await app.Get<UploadProcessor>().ProcessAsync("a/2024-Q3.csv"))!;
        var q2 = (await app.Get<UploadProcessor>().ProcessAsync("a/2024-Q2.csv"))!;
        using var other = PipelineHarness.Over(azurite, app.Settings); // Another instance: this one keeps what it wrote in memory.
        var store = other.Get<IAcceptedQuarterStore>();
        var records = await store.ListAsync();

        // 2024-Q3's blob replaced by 2024-Q2's bytes: the header says whose figures they are.
        var q3Name = $"figures/serious-youth-violence/2024-Q3/{q3.Sha256}.json";
        var q2Bytes = await app.ReadAsync(app.Documents, $"figures/serious-youth-violence/2024-Q2/{q2.Sha256}.json");
        await app.Documents.GetBlobClient(q3Name).UploadAsync(new BinaryData(q2Bytes), overwrite: true);
        var wrong = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadAsync(records.Single(r => r.Quarter == Quarter.Parse("2024-Q3"))));
        Assert.Equal($"The figures in {q3Name} are not those of serious-youth-violence 2024-Q3 (a/2024-Q3.csv).", wrong.Message);

        await app.Documents.DeleteBlobAsync(q3Name);
        var missing = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadAsync(records.Single(r => r.Quarter == Quarter.Parse("2024-Q3"))));
        Assert.Equal($"The figures of serious-youth-violence 2024-Q3 (a/2024-Q3.csv) are missing: {q3Name} is not in the documents container.", missing.Message);
    }

    [Fact]
    public async Task Summary_documents_of_a_few_areas_stay_in_their_entities_and_larger_ones_are_pieces()
    {
        using var small = PipelineHarness.Create(azurite);
        await small.IngestSamplesAsync();
        await small.Get<RecalculationService>().RecalculateAsync(force: true);
        Assert.DoesNotContain(await small.ListAsync(small.Documents), n => n.StartsWith("summaries/", StringComparison.Ordinal));
        var inline = (await small.Tables.GetTableClient(small.Settings["Pipeline:Storage:ComparisonsTable"]).GetEntityAsync<TableEntity>("calendar", "2024")).Value;
        var stored = await small.Get<IComparisonStore>().GetAsync("serious-youth-violence", YearBasis.Calendar, null);
        Assert.Equal(inline.GetString("Json"), Encoding.UTF8.GetString(stored!.Json));
        Assert.Equal(DocumentBlobs.Sha256Of(stored.Json), inline.GetString("Sha256"));

        using var large = await NationalAsync(new NationalDataset(40));
        var names = (await large.ListAsync(large.Documents)).Where(n => n.StartsWith("summaries/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["summaries/national/calendar/2024/", "summaries/national/financial/2023-24/", "summaries/national/financial/2024-25/", "summaries/national/rolling/2024-Q4/"],
            names.Select(n => n[..(n.LastIndexOf('/') + 1)]));
        var document = await large.Get<IComparisonStore>().GetAsync(NationalDataset.Id, YearBasis.Calendar, null);
        Assert.True(document!.Json.Length > TableComparisonStore.InlineBytes);

        // 40 areas, one piece: the areas' entries exactly as in the document, from after "areas": [ to the last one's
        // closing brace, compressed, named by their hash.
        var text = Encoding.UTF8.GetString(document.Json);
        var start = text.IndexOf("\"areas\": [", StringComparison.Ordinal) + "\"areas\": [".Length;
        var end = text.IndexOf("\n  ],\n  \"sources\"", StringComparison.Ordinal);
        var piece = Encoding.UTF8.GetBytes(text[start..end]);
        Assert.Equal($"summaries/national/calendar/2024/{DocumentBlobs.Sha256Of(piece)}.json.gz", names[0]);
        Assert.Equal(piece, Gunzip(await large.ReadAsync(large.Documents, names[0])));
        var entity = (await large.Tables.GetTableClient(large.Settings["Pipeline:Storage:ComparisonsTable"]).GetEntityAsync<TableEntity>("national.calendar", "2024")).Value;
        Assert.Equal(text[..start], entity.GetString("Head0"));
        Assert.Equal(text[end..], entity.GetString("Tail0"));
        Assert.Equal($"E99000000 {DocumentBlobs.Sha256Of(piece)}", entity.GetString("Pieces0"));
        Assert.Equal("summaries/national/calendar/2024/", entity.GetString("PiecePrefix"));
        Assert.Equal((DocumentBlobs.Sha256Of(document.Json), (long)document.Json.Length), (entity.GetString("Sha256"), entity.GetInt64("Bytes")));
    }

    [Fact]
    public async Task A_national_summary_is_runs_of_350_areas_and_one_areas_summary_is_its_index_and_one_piece()
    {
        using var app = await NationalAsync(new NationalDataset(600));
        var counter = new RequestCounter();
        using var reader = PipelineHarness.Over(azurite, app.Settings, counter);
        var store = reader.Get<IComparisonStore>();

        var whole = (await store.GetAsync(NationalDataset.Id, YearBasis.Calendar, null))!;
        Assert.Equal(3, counter.Count); // The index entity and two pieces: 350 and 250 areas.
        using var json = System.Text.Json.JsonDocument.Parse(whole.Json);
        var areas = json.RootElement.GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 600).Select(NationalDataset.Code), areas.Select(a => a.GetProperty("code").GetString()));

        foreach (var area in new[] { 0, 249, 349, 350, 599 })
        {
            counter.Reset();
            var one = (await store.GetAreasAsync(NationalDataset.Id, YearBasis.Calendar, null, [NationalDataset.Code(area)]))!;
            Assert.Equal(2, counter.Count);
            Assert.InRange(counter.BytesReceived, 1, 64 * 1024);
            using var cut = System.Text.Json.JsonDocument.Parse(one.Json);
            Assert.Equal(areas[area].GetRawText(), cut.RootElement.GetProperty("areas").EnumerateArray().Single().GetRawText());
            Assert.Equal(json.RootElement.GetProperty("total").GetRawText(), cut.RootElement.GetProperty("total").GetRawText());
            Assert.Equal(json.RootElement.GetProperty("sources").GetRawText(), cut.RootElement.GetProperty("sources").GetRawText());
        }

        // Several areas: the pieces that hold them, once each, and their entries in code order.
        counter.Reset();
        var some = (await store.GetAreasAsync(NationalDataset.Id, YearBasis.Calendar, null, [NationalDataset.Code(599), NationalDataset.Code(3), NationalDataset.Code(7), NationalDataset.Code(250)]))!;
        Assert.Equal(1 + 2, counter.Count);
        using (var three = System.Text.Json.JsonDocument.Parse(some.Json))
        {
            Assert.Equal([3, 7, 250, 599], three.RootElement.GetProperty("areas").EnumerateArray().Select(a => areas.IndexOf(areas.Single(w => w.GetProperty("code").GetString() == a.GetProperty("code").GetString()))));
        }

        // A code before the first, between two, after the last: no area, and the rest of the document.
        foreach (var code in new[] { "E00000000", "E99000249A", "E99999999" })
        {
            using var none = System.Text.Json.JsonDocument.Parse((await store.GetAreasAsync(NationalDataset.Id, YearBasis.Calendar, null, [code]))!.Json);
            Assert.Equal(0, none.RootElement.GetProperty("areas").GetArrayLength());
        }

        // A piece whose bytes are not those its name records is an error, never a document.
        var name = (await app.ListAsync(app.Documents)).First(n => n.StartsWith("summaries/national/calendar/2024/", StringComparison.Ordinal));
        await app.Documents.GetBlobClient(name).UploadAsync(new BinaryData(Gzip("{}"u8.ToArray())), overwrite: true);
        using var another = PipelineHarness.Over(azurite, app.Settings);
        var wrong = await Assert.ThrowsAsync<InvalidDataException>(() => another.Get<IComparisonStore>().GetAsync(NationalDataset.Id, YearBasis.Calendar, null));
        Assert.Equal($"The piece {name} does not have the SHA-256 its name records.", wrong.Message);
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionMode.Compress))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    [Theory]
    [MemberData(nameof(PipelineHarness.FarFromToday), MemberType = typeof(PipelineHarness))]
    public async Task A_series_of_the_samples_is_one_inline_read_and_a_larger_one_pieces_by_quarter_and_by_area_then_cleaned_up(DateTimeOffset today)
    {
        var counter = new RequestCounter();
        using var small = PipelineHarness.Create(azurite, counter);
        await small.IngestSamplesAsync();
        await small.Get<RecalculationService>().RecalculateAsync(force: true);
        counter.Reset();
        var inline = await small.Get<IComparisonStore>().GetSeriesAsync("serious-youth-violence");
        Assert.Equal(1, counter.Count);
        var entity = (await small.Tables.GetTableClient(small.Settings["Pipeline:Storage:ComparisonsTable"]).GetEntityAsync<TableEntity>("series", "all")).Value;
        Assert.Equal(entity.GetString("Json"), Encoding.UTF8.GetString(inline!.Json!));
        Assert.Equal((DocumentBlobs.Sha256Of(inline.Json!), inline.Json!.Length), (entity.GetString("Sha256"), entity.GetInt32("Bytes")));
        Assert.Null(inline.Index);
        Assert.DoesNotContain(await small.ListAsync(small.Documents), n => n.StartsWith("series/", StringComparison.Ordinal));
        Assert.Null(await small.Get<IComparisonStore>().GetSeriesAsync("violence-admissions"));

        var national = new NationalDataset(40);
        using var large = await NationalAsync(national, today);
        var store = large.Get<IComparisonStore>();
        var series = (await store.GetSeriesAsync(NationalDataset.Id))!;
        Assert.Null(series.Json);
        Assert.True(series.Bytes > TableComparisonStore.InlineBytes);
        Assert.Equal(8, series.Index!.Quarters.Count); // A piece a quarter, keyed by it.
        Assert.Equal("2023-Q1", series.Index.Quarters[0].Key);
        Assert.Equal([("E99000000", series.Index.AreaShards[0].Name)], series.Index.AreaShards.Select(p => (p.Key, p.Name))); // 40 areas: one run.
        var first = await SeriesBlobsAsync(large);
        Assert.Equal(series.Index.Quarters.Select(p => p.Name).Append(series.Index.AreaShards[0].Name).Order(StringComparer.Ordinal), first);
        Assert.All(first, n => Assert.Matches("^series/national/[0-9a-f]{64}\\.json\\.gz$", n));

        // The pieces joined are the series the recalculation wrote, by hash and length.
        var whole = (await large.Get<SeriesService>().DocumentAsync(NationalDataset.Id))!;
        Assert.Equal((series.Sha256, series.Bytes), (DocumentBlobs.Sha256Of(whole), (long)whole.Length));

        // The same figures again: nothing written. A correction of 2024-Q4: its piece and the run of areas are new,
        // the other quarters' pieces kept; the version before kept until the next switch, older blobs deleted once over
        // an hour old.
        var recalc = large.Get<RecalculationService>();
        var writes = new RequestCounter();
        var dataset = large.Get<Core.Datasets.DatasetRegistry>().All.Single(d => d.Id == NationalDataset.Id);
        using (var again = PipelineHarness.Over(azurite, large.Settings, today, writes))
        {
            await again.Get<IComparisonStore>().WriteSeriesAsync(NationalDataset.Id, SeriesWrites.Of(SeriesJson.Deserialize(whole, dataset)));
            Assert.Equal(["GET"], writes.Requests.Select(r => r.Split(' ')[0]));
        }

        await CorrectAsync(large, national, recalc, 1);
        var second = await SeriesBlobsAsync(large);
        Assert.Equal(11, second.Count);
        Assert.Equal(first, first.Intersect(second));
        large.Clock.Advance(TimeSpan.FromDays(2));
        await CorrectAsync(large, national, recalc, 2);
        var third = await SeriesBlobsAsync(large);
        Assert.Equal(11, third.Count);
        Assert.Equal(2, first.Except(third).Count()); // The first 2024-Q4 and run of areas: unreferenced and two days old.
        var corrected = (await store.GetSeriesAsync(NationalDataset.Id))!;
        Assert.Equal(series.Index.Quarters.Take(7), corrected.Index!.Quarters.Take(7));
        Assert.NotEqual(series.Sha256, corrected.Sha256);
    }

    private static async Task<List<string>> SeriesBlobsAsync(PipelineHarness app) =>
        [.. (await app.ListAsync(app.Documents)).Where(n => n.StartsWith("series/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Comparisons_stored_inline_in_chunks_before_the_documents_container_are_read_and_then_replaced()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        var table = app.Tables.GetTableClient(app.Settings["Pipeline:Storage:ComparisonsTable"]);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("calendar", "2024") { ["Period"] = "2024", ["Status"] = "complete", ["JsonChunks"] = 2, ["Json0"] = "{\"period\":", ["Json1"] = "\"2024\"}" });

        var old = await app.Get<IComparisonStore>().GetAsync("serious-youth-violence", YearBasis.Calendar, Period.Containing(YearBasis.Calendar, new Quarter(2024, 1)));
        Assert.Equal("{\"period\":\"2024\"}", Encoding.UTF8.GetString(old!.Json));

        await app.Get<RecalculationService>().RecalculateAsync(force: false);
        var replaced = (await table.GetEntityAsync<TableEntity>("calendar", "2024")).Value;
        Assert.DoesNotContain(replaced.Keys, k => k.StartsWith("JsonChunks", StringComparison.Ordinal) || k == "Json1");
        using var json = System.Text.Json.JsonDocument.Parse(replaced.GetString("Json"));
        var offences = json.RootElement.GetProperty("total").GetProperty("offences");
        Assert.Equal((6621, 7675, -13.73m), (offences.GetProperty("current").GetInt32(), offences.GetProperty("previous").GetInt32(), offences.GetProperty("changePercent").GetDecimal()));
    }

    [Theory]
    [MemberData(nameof(PipelineHarness.FarFromToday), MemberType = typeof(PipelineHarness))]
    public async Task A_switch_writes_only_changed_documents_keeps_the_version_before_and_deletes_older_ones_once_an_hour_old(DateTimeOffset today)
    {
        var national = new NationalDataset(40);
        using var app = await NationalAsync(national, today);
        var recalc = app.Get<RecalculationService>();
        var first = await SummaryBlobsAsync(app);
        Assert.Equal(4, first.Count); // 2024, 2023/24, 2024/25 and the year ending 2024-Q4.

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await recalc.RecalculateAsync(force: true);
        Assert.Equal(first, await SummaryBlobsAsync(app)); // Forced, but nothing changed: the documents stay, computedAt and all.

        var second = await CorrectAsync(app, national, recalc, 1);
        Assert.Equal(3, second.Except(first).Count()); // 2024, 2024/25 and 2024-Q4 rest on 2024-Q4; 2023/24 does not.
        Assert.Equal(7, second.Count); // The version before kept: it was just replaced.

        var third = await CorrectAsync(app, national, recalc, 2);
        Assert.Equal(10, third.Count); // Unreferenced, but less than an hour old by the app's clock, which wrote them.

        app.Clock.Advance(TimeSpan.FromDays(2)); // Two days on by the same clock, whatever storage's clock says.
        var left = await CorrectAsync(app, national, recalc, 3);
        Assert.Equal(7, left.Count);
        var current = (await app.Tables.GetTableClient(app.Settings["Pipeline:Storage:ComparisonsTable"]).GetEntityAsync<TableEntity>("national.calendar", "2024")).Value;
        Assert.Contains($"summaries/national/calendar/2024/{current.GetString("Pieces0").Split(' ')[1]}.json.gz", left);
        Assert.Equal(4, left.Intersect(third).Count()); // The version before: 2023/24, and the second correction's three.
        Assert.Single(left.Intersect(first)); // 2023/24, never replaced.
    }

    /// <summary>Accepts a correction of 2024-Q4 (its last area's positive outcomes changed) and recalculates.</summary>
    private static async Task<List<string>> CorrectAsync(PipelineHarness app, NationalDataset national, RecalculationService recalc, int change)
    {
        var bytes = national.Return(new Quarter(2024, 4));
        bytes[^2] = (byte)('0' + ((bytes[^2] - '0' + change) % 10));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.UploadAsync("national/2024-Q4.csv", bytes);
        Assert.Equal(UploadStatus.Accepted, (await app.Get<UploadProcessor>().ProcessAsync("national/2024-Q4.csv"))!.Status);
        await recalc.RecalculateAsync(force: false);
        return await SummaryBlobsAsync(app);
    }

    /// <summary>Two years of <paramref name="national"/>, accepted and recalculated, the app's clock starting at <paramref name="today"/>.</summary>
    private async Task<PipelineHarness> NationalAsync(NationalDataset national, DateTimeOffset? today = null)
    {
        var app = PipelineHarness.Over(
            azurite, PipelineHarness.NewSettings(azurite, new Dictionary<string, string?> { ["Pipeline:Datasets:Path"] = national.WriteDefinition() }), today ?? PipelineHarness.Today);
        await national.AcceptTwoYearsAsync(app);
        return app;
    }

    private static async Task<List<string>> SummaryBlobsAsync(PipelineHarness app) =>
        [.. (await app.ListAsync(app.Documents)).Where(n => n.StartsWith("summaries/", StringComparison.Ordinal))];
}
