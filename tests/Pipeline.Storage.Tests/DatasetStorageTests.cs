using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;
using Pipeline.Core.Summaries;

namespace Pipeline.Storage.Tests;

/// <summary>Several datasets in one storage account: routed, kept apart, recalculated together, read back as they were.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DatasetStorageTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("pipeline-datasets-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task One_recalculation_computes_both_shipped_datasets()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        foreach (var path in Directory.GetFiles(RepositoryRoot.Combine("samples", "violence-admissions"), "*.csv").Order(StringComparer.Ordinal))
        {
            var name = "Violence-Admissions/" + Path.GetFileName(path);
            await app.UploadAsync(name, await File.ReadAllBytesAsync(path));
            Assert.Equal(UploadStatus.Accepted, (await app.Get<UploadProcessor>().ProcessAsync(name))!.Status);
        }

        var result = await app.Get<RecalculationService>().RecalculateAsync(force: false);

        Assert.Equal((true, 16), (result.Recomputed, result.Quarters));
        var police = await SummaryAsync(app, []);
        var health = await SummaryAsync(app, [new("dataset", "violence-admissions")]);
        Assert.Equal(("serious-youth-violence", -13.73m), (police.Dataset, police.Total.Metrics.Get("offences").Count!.ChangePercent));
        Assert.Equal(("violence-admissions", -7.46m), (health.Dataset, health.Total.Metrics.Get("admissions").Count!.ChangePercent));
        // Wilson's intervals for 194/1240 and 234/1340 and Newcombe's for the change, worked independently (docs/method.md).
        Assert.Equal(new RateMetric(15.65m, 17.46m, -1.82m, 13.73m, 17.77m, 15.52m, 19.59m, -4.68m, 1.06m), health.Total.Metrics.Get("sharpObjectShare").Rate);
        Assert.Equal("Violence-Admissions/2024-Q4.csv", health.Sources[^1].File);
        Assert.False((await app.Get<RecalculationService>().RecalculateAsync(force: false)).Recomputed);
    }

    [Fact]
    public async Task A_third_dataset_added_as_a_file_alone_is_validated_compared_and_summarised()
    {
        // The datasets folder, with the shipped populations beside it as a deployment has them.
        var folder = ShippedFiles.DatasetsFolderIn(root);
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("datasets"), "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "youth-justice.json"), """
            {
              "id": "youth-justice",
              "title": "First-time entrants",
              "description": "Children entering the youth justice system for the first time.",
              "fields": [
                { "name": "entrants", "title": "Entrants" },
                { "name": "knife_possession", "title": "Knife possession", "notGreaterThan": "entrants" }
              ],
              "metrics": [
                { "id": "entrants", "count": "entrants" },
                { "id": "knifePossessionShare", "rate": { "numerator": "knife_possession", "denominator": "entrants" } }
              ],
              "areas": [ { "code": "E06000001", "name": "Hartlepool" }, { "code": "E06000002", "name": "Middlesbrough" } ]
            }
            """);
        using var app = PipelineHarness.Over(azurite, PipelineHarness.NewSettings(azurite, new Dictionary<string, string?> { ["Pipeline:Datasets:Path"] = folder }));
        var processor = app.Get<UploadProcessor>();
        await app.UploadAsync("youth-justice/2023-Q1.csv", Encoding.UTF8.GetBytes("quarter,area_code,area_name,entrants,knife_possession\n2023-Q1,E06000001,Hartlepool,40,4\n2023-Q1,E06000002,Middlesbrough,60,3\n"));
        await app.UploadAsync("youth-justice/2024-Q1.csv", Encoding.UTF8.GetBytes("quarter,area_code,area_name,entrants,knife_possession\n2024-Q1,E06000001,Hartlepool,30,6\n2024-Q1,E06000002,Middlesbrough,45,2\n"));
        await app.UploadAsync("youth-justice/2024-Q2.csv", Encoding.UTF8.GetBytes("quarter,area_code,area_name,entrants,knife_possession\n2024-Q2,E06000001,Hartlepool,3,4\n"));

        Assert.Equal(UploadStatus.Accepted, (await processor.ProcessAsync("youth-justice/2023-Q1.csv"))!.Status);
        Assert.Equal(UploadStatus.Accepted, (await processor.ProcessAsync("youth-justice/2024-Q1.csv"))!.Status);
        var rejected = (await processor.ProcessAsync("youth-justice/2024-Q2.csv"))!;
        Assert.Equal(
            [("exceeds-field", (int?)2, "knife_possession"), ("missing-area", null, "area_code")],
            rejected.Report.Errors.Select(e => (e.Code, e.Row, e.Column!)));

        await app.Get<RecalculationService>().RecalculateAsync(force: false);
        var summary = await SummaryAsync(app, [new("dataset", "youth-justice")]);

        Assert.Equal(["2024-Q1"], summary.Quarters.Select(q => q.ToString()));
        Assert.Equal(new CountMetric(75, 100, -25, -25.00m), summary.Total.Metrics.Get("entrants").Count);
        // Wilson's intervals for 8/75 and 7/100 and Newcombe's for the change, worked independently.
        Assert.Equal(new RateMetric(10.67m, 7.00m, 3.67m, 5.50m, 19.66m, 3.43m, 13.75m, -4.83m, 13.34m), summary.Total.Metrics.Get("knifePossessionShare").Rate);
        Assert.Equal(["Hartlepool", "Middlesbrough"], summary.Areas.Select(a => a.Name));
    }

    [Fact]
    public async Task Figures_stored_before_datasets_existed_read_as_the_default_dataset()
    {
        using var app = PipelineHarness.Create(azurite);
        var table = app.Tables.GetTableClient(app.Settings["Pipeline:Storage:AcceptedQuartersTable"]);
        await table.CreateIfNotExistsAsync();
        var rows = string.Join(',', Core.Validation.ValidationOptions.WestMidlands.Select((a, i) =>
            $"{{\"code\":\"{a.Code}\",\"name\":\"{a.Name}\",\"offences\":{100 + i},\"knifeOffences\":{1 + i},\"positiveOutcomes\":{2 + i}}}"));
        var bytes = ReturnFiles.Valid("2024-Q3");
        await table.AddEntityAsync(new TableEntity("quarter", "2024-Q3")
        {
            ["File"] = "2024-Q3.csv",
            ["Sha256"] = IngestionTests.Sha(bytes),
            ["UploadedAt"] = PipelineHarness.Today.AddDays(-1),
            ["AcceptedAt"] = PipelineHarness.Today.AddDays(-1),
            ["AreaCount"] = 7,
            ["FiguresChunks"] = 1,
            ["Figures0"] = $"[{rows}]",
        });

        var accepted = Assert.Single(await app.Get<IAcceptedQuarterStore>().ListFiguresAsync());
        await app.UploadAsync("again/2024-Q3.csv", bytes);
        var outcome = await app.Get<UploadProcessor>().ProcessAsync("again/2024-Q3.csv");

        Assert.Equal(("serious-youth-violence", ReturnFiles.OffencesTotal()), (accepted.Dataset, accepted.Areas.Sum(a => a.Offences)));
        Assert.Equal(new Core.Returns.AreaFigures("E08000031", "Wolverhampton", 106, 7, 8), accepted.Areas[6]);
        Assert.Equal(UploadStatus.Duplicate, outcome!.Status);
    }

    [Fact]
    public async Task Figures_of_a_dataset_whose_definition_was_removed_are_kept_and_left_out_of_the_recalculation()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        var table = app.Tables.GetTableClient(app.Settings["Pipeline:Storage:AcceptedQuartersTable"]);
        await table.AddEntityAsync(new TableEntity("quarter.retired-dataset", "2024-Q1") { ["File"] = "retired-dataset/2024-Q1.csv", ["FiguresChunks"] = 1, ["Figures0"] = "[]" });

        var result = await app.Get<RecalculationService>().RecalculateAsync(force: true);

        Assert.Equal((true, 8), (result.Recomputed, result.Quarters));
        Assert.NotNull((await table.GetEntityIfExistsAsync<TableEntity>("quarter.retired-dataset", "2024-Q1")).Value);
    }

    [Fact]
    public async Task An_unknown_dataset_is_a_bad_parameter_naming_it()
    {
        using var app = PipelineHarness.Create(azurite);

        var response = await app.Get<SummaryService>().GetAsync([new("dataset", "nope")]);

        Assert.Equal(SummaryResult.BadParameter, response.Result);
        Assert.Equal("dataset", response.Problem!.Parameter);
        Assert.Equal("Parameter 'dataset': 'nope' is not a dataset. Use one of serious-youth-violence, violence-admissions.", response.Problem.Detail);
    }

    private static async Task<SummaryDocument> SummaryAsync(PipelineHarness app, KeyValuePair<string, string?>[] parameters)
    {
        var response = await app.Get<SummaryService>().GetAsync(parameters);
        Assert.Equal(SummaryResult.Found, response.Result);
        using var json = JsonDocument.Parse(response.Body);
        return SummaryJson.Deserialize(response.Body);
    }
}
