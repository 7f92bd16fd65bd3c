using System.Globalization;
using Pipeline.Core.Datasets;
using Pipeline.Core.Spreadsheets;

namespace Pipeline.Core.Workbooks;

/// <summary>What every workbook's cover says besides its own lines: the contact, the release dates, the shorthand used and where the notes and contents are.</summary>
/// <param name="Contact">Who to ask (configuration); null for no contact row.</param>
/// <param name="Release">The release's dates, when the dataset publishes in releases.</param>
public sealed record CoverDetails(string? Contact, WorkbookRelease? Release)
{
    internal const string SheetName = "Cover";

    /// <summary>The cover sheet: the title in A1, then one row per item, its name beside what it says.</summary>
    internal Sheet Sheet(string title, DatasetDefinition dataset, IEnumerable<(string Item, string Text)> lines, IReadOnlyList<Shorthand> shorthand)
    {
        var rows = new List<(string Item, string Text)>
        {
            ("What this is", dataset.Description is { Length: > 0 } description ? $"{dataset.Title}: {description}" : dataset.Title),
        };
        rows.AddRange(lines);
        if (Release is { } release)
        {
            rows.Add(("Published", release.Published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)));
            rows.Add(("Next release", release.NextRelease ?? "Not yet announced"));
        }

        if (Contact is { Length: > 0 } contact)
        {
            rows.Add(("Contact", contact));
        }

        rows.Add(("Contents", "The Contents sheet lists every table in this workbook, with a link to each."));
        rows.Add(("Notes", "The Notes sheet explains each note a table's Notes column refers to, such as [note 1]."));
        rows.Add(("Shorthand", "Where a table has no number to give, a cell of its own holds one of these:"));
        rows.AddRange(shorthand.Select(s => (s.Symbol, s.Meaning)));
        return Spreadsheets.Sheet.Of(
            SheetName, title, [new Column(null, 4.5, Wrap: true), new Column(null, 22, Wrap: true)], rows.Select(r => (IReadOnlyList<Cell>)[Cell.Of(r.Item), Cell.Of(r.Text)]));
    }
}
