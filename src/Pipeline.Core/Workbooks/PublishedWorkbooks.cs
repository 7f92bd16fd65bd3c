using System.Text;
using Microsoft.Extensions.Options;
using Pipeline.Core.Datasets;
using Pipeline.Core.Publication;
using Pipeline.Core.Releases;
using Pipeline.Core.Series;
using Pipeline.Core.Spreadsheets;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Workbooks;

/// <summary>
/// The summary and the series as the API and the CLI give them, in every format: JSON and CSV as
/// <see cref="PublishedFigures"/> gives them, and <c>format=ods</c>, the accessible spreadsheet (docs/contract.md section
/// 14), made from what <see cref="PublishedFigures"/> publishes and nothing else, so the spreadsheet never shows a
/// figure the JSON would not. The summary's workbook is made whole (a summary is small); the series' is streamed as its
/// areas are read.
/// </summary>
public sealed class PublishedWorkbooks(
    PublishedFigures published, DatasetRegistry datasets, IOptions<SpreadsheetOptions> options, ReleaseSnapshots releases, TimeProvider timeProvider)
{
    public const string Ods = "ods";

    private const string Format = "format";

    /// <summary>
    /// Changes whenever what the workbook says besides the figures does, so that a cached workbook's tag does too: the
    /// layout's version and the configured contact.
    /// </summary>
    private string Edition => $"ods-1|{options.Value.Contact}";

    /// <summary>The summary for the request's parameters, <c>format=ods</c> included.</summary>
    public async Task<SummaryResponse> SummaryAsync(IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default)
    {
        if (!WantsOds(parameters, out var rest))
        {
            return await published.SummaryAsync(rest, cancellationToken);
        }

        var json = await published.SummaryAsync(rest, cancellationToken);
        if (json.Result != SummaryResult.Found)
        {
            return json;
        }

        var document = SummaryJson.Deserialize(json.Body);
        var dataset = datasets.All.Single(d => d.Id == document.Dataset);
        var body = await OdsPackage.ToBytesAsync(
            SummaryWorkbook.Properties(dataset, document), SummaryWorkbook.Sheets(dataset, document, await CoverAsync(dataset, cancellationToken)), cancellationToken);
        return new SummaryResponse(SummaryResult.Found, OdsPackage.MediaType, body, SummaryService.ETagOf(body), null)
        {
            FileName = SummaryWorkbook.FileName(document, Value(rest, SummaryRequest.AreaParameter)),
        };
    }

    /// <summary>The series for the request's parameters, <c>format=ods</c> included; its workbook is streamed, of a length not known in advance.</summary>
    public async Task<SummaryResponse> SeriesAsync(IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default)
    {
        // The JSON answer checks the parameters and that the series (and the area) exist; a large one is not read.
        var answer = await published.SeriesAsync(WantsOds(parameters, out var rest) ? rest : parameters, cancellationToken);
        if (ReferenceEquals(rest, parameters) || answer.Result != SummaryResult.Found)
        {
            return answer;
        }

        var dataset = datasets.All.Single(d => d.Id == (Value(rest, SeriesService.DatasetParameter) ?? DatasetDefinition.DefaultId));
        var area = Value(rest, SeriesService.AreaParameter);
        if (await published.SeriesByAreaAsync(dataset, area, cancellationToken) is not { } series)
        {
            return answer with { Body = [] }; // Gone since: cannot happen while series are never removed.
        }

        var cover = await CoverAsync(dataset, cancellationToken);
        var sheets = SeriesWorkbook.Sheets(dataset, series, cover);
        var properties = SeriesWorkbook.Properties(dataset, series);
        var etag = SummaryService.ETagOf(Encoding.UTF8.GetBytes($"{series.Sha256}|{area}|{Edition}|{cover.Release}"));
        return new SummaryResponse(SummaryResult.Found, OdsPackage.MediaType, [], etag, null)
        {
            Streamed = new StreamedBody(null, (output, token) => OdsPackage.WriteAsync(output, properties, sheets, token)),
            FileName = SeriesWorkbook.FileName(dataset, area),
        };
    }

    /// <summary>
    /// The cover's details: the contact, and for a dataset published on a schedule (docs/contract.md section 11) when the
    /// release shown was published and when the next is due, in the dataset's local time.
    /// </summary>
    private async Task<CoverDetails> CoverAsync(DatasetDefinition dataset, CancellationToken cancellationToken)
    {
        if (!dataset.IsScheduled)
        {
            return new(options.Value.Contact, Release: null);
        }

        var (latest, next) = await releases.TimelineAsync(dataset, timeProvider.GetUtcNow(), cancellationToken);
        return new(options.Value.Contact, latest is null ? null : new WorkbookRelease(
            TimeZoneInfo.ConvertTime(latest.PublishAt, dataset.Publication!.Zone), next is null ? null : ReleaseTime.ForPeople(next.PublishAt, dataset.Publication)));
    }

    /// <summary>
    /// Whether the parameters ask for ODS (one <c>format</c>, <c>ods</c>), and the parameters to ask
    /// <see cref="PublishedFigures"/> with: without that format when they do, as given when they do not.
    /// </summary>
    private static bool WantsOds(IEnumerable<KeyValuePair<string, string?>> parameters, out IEnumerable<KeyValuePair<string, string?>> rest)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        var formats = list.Where(p => p.Key == Format).ToList();
        if (formats.Count == 1 && formats[0].Value?.Trim() == Ods)
        {
            rest = [.. list.Where(p => p.Key != Format)];
            return true;
        }

        rest = parameters;
        return false;
    }

    private static string? Value(IEnumerable<KeyValuePair<string, string?>> parameters, string name) =>
        parameters.FirstOrDefault(p => p.Key == name).Value?.Trim();
}
