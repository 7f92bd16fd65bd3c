using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;
using Pipeline.Testing.Disclosure;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Disclosure control as served: the violence-admissions samples and a correction, recalculated in storage, every
/// summary of every basis and period, the series and the revisions read back through the functions, and the checker
/// run on all of it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DisclosureServedTests(AzuriteFixture azurite)
{
    private const string Dataset = "violence-admissions";

    [Fact]
    public async Task Nothing_the_API_serves_of_violence_admissions_gives_a_withheld_figure_away()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestDatasetSamplesAsync(Dataset);
        // A correction that moves Coventry's sharp-object admissions across the threshold, 5 to 8, and Dudley's 28 admissions to 29.
        var sample = await File.ReadAllTextAsync(RepositoryRoot.Combine("samples", Dataset, "2024-Q4.csv"));
        var corrected = sample.Split('\n').Select(l => l.StartsWith("2024-Q4,E08000026,", StringComparison.Ordinal) ? string.Join(',', l.Split(',')[..4]) + ",8" : l);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.UploadAsync($"{Dataset}/fixes/2024-Q4.csv", Encoding.UTF8.GetBytes(string.Join('\n', corrected)));
        Assert.Equal(UploadStatus.Accepted, (await app.Get<Core.Ingestion.UploadProcessor>().ProcessAsync($"{Dataset}/fixes/2024-Q4.csv"))!.Status);
        await app.Get<RecalculationService>().RecalculateAsync(force: true);

        var series = await HttpCall.GetSeriesAsync(app, $"?dataset={Dataset}");
        var revisions = await HttpCall.CallAsync(app, "GET", [], f => ActivatorUtilities.CreateInstance<ListRevisions>(app.Services).RunAsync(f.Request, CancellationToken.None), $"?dataset={Dataset}");
        var truth = (await app.Get<IAcceptedQuarterStore>().ListFiguresAsync()).Where(q => q.Dataset == Dataset).ToList();
        var summaries = new List<byte[]>();
        foreach (var basis in YearBasisNames.All)
        {
            foreach (var (period, _) in ComparablePeriods.Of(basis, truth.Select(q => q.Quarter)))
            {
                var summary = await HttpCall.GetSummaryAsync(app, $"?dataset={Dataset}&basis={basis.ToWireName()}&period={period}");
                Assert.Equal(200, summary.StatusCode);
                ResponseSchemas.AssertValid(ResponseSchemas.Summary, System.Text.Json.Nodes.JsonNode.Parse(summary.Body())!);
                summaries.Add(summary.Body());
            }
        }

        ResponseSchemas.AssertValid(ResponseSchemas.Series, System.Text.Json.Nodes.JsonNode.Parse(series.Body())!);
        ResponseSchemas.AssertValid("revisions.schema.json", revisions.Body());
        var definition = app.Get<DatasetRegistry>().Get(Dataset);
        var report = DisclosureChecker.Check(definition, truth, new PublicFigures(definition, series.Body(), summaries, revisions.Body()));

        Assert.Equal(4, summaries.Count); // Calendar 2024, financial 2023/24 (its Q4 alone) and 2024/25 (year to date), rolling 2024-Q4.
        Assert.True(report.Passed, report.ToString());
        Assert.Contains("\"sharp_object_admissionsSuppressed\": true", series.Text(), StringComparison.Ordinal);
        Assert.Contains("\"currentSuppressed\": true", Encoding.UTF8.GetString(summaries[0]), StringComparison.Ordinal);
        Assert.DoesNotContain("-9223372036854775808", series.Text() + revisions.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CSV_and_the_dashboard_show_the_symbol_where_JSON_has_null()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestDatasetSamplesAsync(Dataset);
        await app.Get<RecalculationService>().RecalculateAsync(force: true);

        var csv = (await HttpCall.GetSummaryAsync(app, $"?dataset={Dataset}&format=csv")).Text();
        var seriesCsv = (await HttpCall.GetSeriesAsync(app, $"?dataset={Dataset}&format=csv")).Text();
        var page = (await HttpCall.GetDashboardAsync(app, $"?dataset={Dataset}")).Text();

        // Coventry's sharp-object admissions of 2024 (5 + 4 + 6 + 5) and 2023 are withheld with every quarter of them.
        Assert.Contains("calendar,2024,2023,complete,E08000026,Coventry,", csv, StringComparison.Ordinal);
        // Then the sharp-object share's rates, change and six bounds of its intervals (section 13), all withheld with it.
        Assert.Matches(@"E08000026,Coventry,\d+,\d+,-?\d+,-?\d+\.\d\d(,\[c\]){13}\r\n", csv);
        Assert.Contains("2024-Q1,E08000026,Coventry,35,[c]\r\n", seriesCsv, StringComparison.Ordinal);
        Assert.Contains("[c] means the figure is withheld to protect confidentiality", page, StringComparison.Ordinal);
        Assert.Contains(">[c]</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("-9,223,372,036,854,775,808", page, StringComparison.Ordinal);
    }
}
