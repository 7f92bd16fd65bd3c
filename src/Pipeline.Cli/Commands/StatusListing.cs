using System.Globalization;
using Pipeline.Core;
using Pipeline.Core.Status;
using Pipeline.Core.Validation;

namespace Pipeline.Cli.Commands;

/// <summary>A <see cref="StatusReport"/> for people: a heading per part, aligned columns, "none" where a part is empty.</summary>
internal static class StatusListing
{
    public static async Task WriteAsync(TextWriter output, StatusReport report)
    {
        await output.WriteLineAsync($"{report.Title} ({report.Dataset}): what storage holds now");
        await output.WriteLineAsync();

        await output.WriteLineAsync($"Accepted quarters: {CountOrNone(report.Quarters.Count)}");
        if (report.Quarters.Count > 0)
        {
            string[] header = ["quarter", "file", "sha256", "revision", "accepted at", "sent by"];
            var rows = report.Quarters.Select(q => new[]
            {
                q.Quarter, UploadNames.Visible(q.File), q.Sha256, q.Revision.ToString(CultureInfo.InvariantCulture), Time(q.AcceptedAt), UploadNames.Visible(q.SentBy),
            });
            await WriteTableAsync(output, [header, .. rows]);
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Waiting in uploads: {CountOrNone(report.Waiting.Count)}");
        foreach (var name in report.Waiting)
        {
            await output.WriteLineAsync($"  {UploadNames.Visible(name)}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(report.Rejections.Count == 0
            ? "Recent rejections: none"
            : $"Recent rejections: {report.Rejections.Count}, latest first");
        foreach (var rejection in report.Rejections)
        {
            var quarter = rejection.Quarter is null ? string.Empty : $" ({rejection.Quarter})";
            await output.WriteLineAsync(
                $"  {UploadNames.Visible(rejection.File)}{quarter}: {ValidationReportText.Count(rejection.Errors, "error")}, sent by {UploadNames.Visible(rejection.SentBy)}, rejected at {Time(rejection.ProcessedAt)}, kept as {UploadNames.Visible(rejection.StoredAs)}");
            foreach (var error in rejection.FirstErrors)
            {
                await output.WriteLineAsync($"    {Where(error)}{error.Code}: {error.Message}");
            }

            var more = rejection.Errors - rejection.FirstErrors.Count;
            if (more > 0 && rejection.FirstErrors.Count > 0)
            {
                await output.WriteLineAsync($"    ({ValidationReportText.Count(more, "more error")} in {UploadNames.Visible(rejection.StoredAs)}.report.json)");
            }
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("Periods that can be summarised:");
        var width = report.Bases.Max(b => b.Basis.Length);
        foreach (var basis in report.Bases)
        {
            var periods = basis.Periods.Count == 0
                ? "none yet"
                : string.Join(", ", basis.Periods.Select(p => $"{p.Period} ({p.Status}{(p.IsDefault ? ", the default" : string.Empty)})"));
            await output.WriteLineAsync($"  {basis.Basis.PadRight(width)}  {periods}");
        }
    }

    private static string CountOrNone(int count) => count == 0 ? "none" : count.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static string Where(StatusIssue issue) => (issue.Row, issue.Column) switch
    {
        ({ } row, { } column) => string.Create(CultureInfo.InvariantCulture, $"row {row}, {column}: "),
        ({ } row, null) => string.Create(CultureInfo.InvariantCulture, $"row {row}: "),
        (null, { } column) => $"{column}: ",
        _ => string.Empty,
    };

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            await output.WriteLineAsync(("  " + string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i])))).TrimEnd());
        }
    }
}
