using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;

namespace Pipeline.Storage.Tests;

/// <summary>
/// Storage written by the version before pieces (a large summary or series as one blob its index entity names) is read
/// as it is, whole, with no migration step; the first recalculation after it replaces it with pieces, and every answer
/// is the same bytes before and after.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PiecedLayoutTests(AzuriteFixture azurite)
{
    private static readonly KeyValuePair<string, string?>[][] Questions =
    [
        [new("dataset", NationalDataset.Id)],
        [new("dataset", NationalDataset.Id), new("area", NationalDataset.Code(301))],
        [new("dataset", NationalDataset.Id), new("area", NationalDataset.Code(301)), new("format", "csv")],
        [new("dataset", NationalDataset.Id), new("basis", "rolling"), new("format", "csv")],
    ];

    [Fact]
    public async Task Documents_stored_whole_by_the_version_before_are_read_whole_then_replaced_by_pieces_with_the_same_answers()
    {
        var national = new NationalDataset(600);
        var settings = PipelineHarness.NewSettings(azurite, new Dictionary<string, string?> { ["Pipeline:Datasets:Path"] = national.WriteDefinition() });
        using var app = PipelineHarness.Over(azurite, settings);
        await national.AcceptTwoYearsAsync(app);
        var expected = await AnswersAsync(settings);

        // The layout before: each large document one blob, <sha256 of the document>.json, named by its index entity.
        var table = app.Tables.GetTableClient(settings["Pipeline:Storage:ComparisonsTable"]);
        var rewritten = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == "national.calendar" || e.PartitionKey == "national.rolling" || e.PartitionKey == "national.series"))
        {
            var whole = entity.PartitionKey == "national.series"
                ? (await app.Get<SeriesService>().DocumentAsync(NationalDataset.Id))!
                : (await app.Get<IComparisonStore>().GetAsync(NationalDataset.Id, entity.PartitionKey == "national.calendar" ? YearBasis.Calendar : YearBasis.Rolling,
                    entity.RowKey == "default" ? null : Period.TryParse(entity.PartitionKey == "national.calendar" ? YearBasis.Calendar : YearBasis.Rolling, entity.RowKey, out var p) ? p : null))!.Json;
            var sha256 = DocumentBlobs.Sha256Of(whole);
            var folder = entity.PartitionKey == "national.series" ? "series/national/" : $"summaries/national/{entity.PartitionKey[9..]}/{entity.GetString("Period")}/";
            await app.Documents.GetBlobClient($"{folder}{sha256}.json").UploadAsync(new BinaryData(whole), overwrite: true);
            var old = new TableEntity(entity.PartitionKey, entity.RowKey) { ["Sha256"] = sha256, ["Bytes"] = whole.Length, ["Document"] = $"{folder}{sha256}.json" };
            foreach (var kept in new[] { "Period", "Status" }.Where(entity.ContainsKey))
            {
                old[kept] = entity[kept];
            }

            old["InputKey"] = "written by the version before";
            await table.UpsertEntityAsync(old, TableUpdateMode.Replace);
            rewritten++;
        }

        Assert.True(rewritten > 3, $"{rewritten} entities");
        Assert.Equal(expected, await AnswersAsync(settings)); // Read whole, as they are.

        // The next recalculation (here forced; after an upgrade, the calculation's new version) writes pieces.
        await app.Get<RecalculationService>().RecalculateAsync(force: true);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == "national.calendar" || e.PartitionKey == "national.series"))
        {
            Assert.False(entity.ContainsKey("Document"), $"{entity.PartitionKey}/{entity.RowKey}");
            Assert.True(entity.ContainsKey("PiecesChunks"), $"{entity.PartitionKey}/{entity.RowKey}");
        }

        Assert.Equal(expected, await AnswersAsync(settings));
    }

    /// <summary>Every question's answer, summary and series, from a new instance: its body (streamed or not) and ETag.</summary>
    private async Task<List<string>> AnswersAsync(IReadOnlyDictionary<string, string?> settings)
    {
        using var reader = PipelineHarness.Over(azurite, settings);
        var answers = new List<string>();
        foreach (var question in Questions)
        {
            foreach (var response in new[]
            {
                await reader.Get<SummaryService>().GetAsync(question),
                await reader.Get<SeriesService>().GetAsync(question.Where(p => p.Key != "basis")),
            })
            {
                Assert.Equal(SummaryResult.Found, response.Result);
                var body = response.Body;
                if (response.Streamed is { } streamed)
                {
                    using var buffer = new MemoryStream();
                    await streamed.WriteAsync(buffer, CancellationToken.None);
                    Assert.Equal(streamed.Length, buffer.Length);
                    body = buffer.ToArray();
                }

                Assert.Equal(SummaryService.ETagOf(body), response.ETag);
                answers.Add($"{response.ETag} {Encoding.UTF8.GetString(body)}");
            }
        }

        using var json = JsonDocument.Parse(answers[0][(answers[0].IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(600, json.RootElement.GetProperty("areas").GetArrayLength());
        return answers;
    }
}
