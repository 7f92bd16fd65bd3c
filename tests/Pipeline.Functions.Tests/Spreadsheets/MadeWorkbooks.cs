using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Pipeline.Core.Datasets;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Summaries;
using Pipeline.Core.Workbooks;
using Pipeline.Testing.Spreadsheets;

namespace Pipeline.Functions.Tests.Spreadsheets;

/// <summary>
/// The workbooks the spreadsheet tests read, made once for all of them: both datasets' summaries and series fetched
/// through the functions with format=ods beside the same figures as CSV, and a summary whose dataset title and area name
/// are hostile; then every file read back by odfpy and by LibreOffice (one start for all).
/// </summary>
internal sealed class MadeWorkbooks
{
    public const string Contact = "Youth violence statistics team, stats@example.org";

    /// <summary>A title and an area name with everything XML or a spreadsheet could misread.</summary>
    public const string HostileTitle = "=\"Knives\" & <blades> 'n' \"more\"";
    public const string HostileArea = "=HYPERLINK(\"http://x\") & <b>Tom's</b>";

    public static readonly string[] Kinds = ["summary", "admissions-summary", "series", "admissions-series"];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static MadeWorkbooks? _made;

    public Dictionary<string, HttpResponse> Responses { get; } = [];

    public Dictionary<string, string> Files { get; } = [];

    /// <summary>The same figures as the API's CSV, parsed.</summary>
    public Dictionary<string, List<string[]>> Csv { get; } = [];

    public IReadOnlyDictionary<string, JsonNode> OdfPy { get; private set; } = null!;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string[]>>> LibreOffice { get; private set; } = null!;

    public DatasetRegistry Datasets { get; private set; } = null!;

    public static async Task<MadeWorkbooks> GetAsync(AzuriteFixture azurite)
    {
        await Gate.WaitAsync();
        try
        {
            return _made ??= await MakeAsync(azurite);
        }
        finally
        {
            Gate.Release();
        }
    }

    public JsonNode Read(string kind) => OdfPy[Files[kind]];

    public IReadOnlyDictionary<string, IReadOnlyList<string[]>> Calc(string kind) => LibreOffice[Files[kind]];

    private static async Task<MadeWorkbooks> MakeAsync(AzuriteFixture azurite)
    {
        var made = new MadeWorkbooks();
        using var app = PipelineHarness.Over(azurite, PipelineHarness.NewSettings(azurite, new Dictionary<string, string?> { ["Pipeline:Spreadsheets:Contact"] = Contact }));
        await app.IngestSamplesAsync();
        await app.IngestDatasetSamplesAsync("violence-admissions");
        await app.Get<RecalculationService>().RecalculateAsync(force: true);
        made.Datasets = app.Get<DatasetRegistry>();
        var folder = Directory.CreateTempSubdirectory("workbooks-").FullName;
        foreach (var kind in Kinds)
        {
            var series = kind.EndsWith("series", StringComparison.Ordinal);
            var query = kind.StartsWith("admissions", StringComparison.Ordinal) ? "?dataset=violence-admissions" : "?dataset=serious-youth-violence";
            var ods = series ? await HttpCall.GetSeriesAsync(app, query + "&format=ods") : await HttpCall.GetSummaryAsync(app, query + "&format=ods");
            var csv = series ? await HttpCall.GetSeriesAsync(app, query + "&format=csv") : await HttpCall.GetSummaryAsync(app, query + "&format=csv");
            made.Responses[kind] = ods;
            made.Files[kind] = Path.Combine(folder, kind + ".ods");
            await File.WriteAllBytesAsync(made.Files[kind], ods.Body());
            made.Csv[kind] = SpreadsheetReaders.Csv(csv.Text());
        }

        // The hostile workbook: the sample summary with its title and first area's name replaced, written as the API writes any.
        var document = SummaryJson.Deserialize((await HttpCall.GetSummaryAsync(app, "")).Body());
        document = document with { Areas = [document.Areas[0] with { Name = HostileArea }, .. document.Areas.Skip(1)] };
        var dataset = made.Datasets.Default with { Title = HostileTitle };
        made.Files["hostile"] = Path.Combine(folder, "hostile.ods");
        await File.WriteAllBytesAsync(made.Files["hostile"], await Core.Spreadsheets.OdsPackage.ToBytesAsync(
            SummaryWorkbook.Properties(dataset, document), SummaryWorkbook.Sheets(dataset, document, new CoverDetails(Contact, null))));

        var files = made.Files.Values.ToList();
        made.OdfPy = await SpreadsheetReaders.OdfPyAsync(files);
        made.LibreOffice = await SpreadsheetReaders.LibreOfficeCsvAsync(files);
        return made;
    }
}
