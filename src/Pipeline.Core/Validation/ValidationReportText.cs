using System.Globalization;

namespace Pipeline.Core.Validation;

/// <summary>
/// A validation report for people: a verdict line, then each problem on its own line. The one writer of it, shared by
/// <c>pipeline validate</c>, <c>pipeline ingest</c> and the native <c>pipeline-validate</c>, so their reports cannot drift apart.
/// </summary>
public static class ValidationReportText
{
    public static async Task WriteAsync(TextWriter output, ValidationReport report, string? verdictPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var warnings = Count(report.Warnings.Count, "warning");
        var verdict = report.Valid
            ? $"valid ({report.Quarter}, {Count(report.Rows, "row")}{(report.Warnings.Count > 0 ? $", {warnings}" : string.Empty)})"
            : $"INVALID ({Count(report.Errors.Count, "error")}{(report.Truncated ? " shown" : string.Empty)}{(report.Warnings.Count > 0 ? $", {warnings}" : string.Empty)})";
        await output.WriteLineAsync($"{UploadNames.Visible(report.File)}: {verdictPrefix}{verdict}");
        foreach (var error in report.Errors)
        {
            await output.WriteLineAsync(Line("error", error));
        }

        foreach (var warning in report.Warnings)
        {
            await output.WriteLineAsync(Line("warning", warning));
        }

        if (report.ErrorsNotShown > 0)
        {
            await output.WriteLineAsync($"  ({Count(report.ErrorsNotShown, "more error")} not shown: fix these and validate again to see the rest)");
        }

        if (report.WarningsNotShown > 0)
        {
            await output.WriteLineAsync($"  ({Count(report.WarningsNotShown, "more warning")} not shown)");
        }
    }

    private static string Line(string kind, ValidationIssue issue)
    {
        var where = (issue.Row, issue.Column) switch
        {
            ({ } row, { } column) => string.Create(CultureInfo.InvariantCulture, $"row {row}, {column}: "),
            ({ } row, null) => string.Create(CultureInfo.InvariantCulture, $"row {row}: "),
            (null, { } column) => $"{column}: ",
            _ => string.Empty,
        };
        return $"  {kind,-7} {where}{issue.Code}: {issue.Message}";
    }

    public static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
}
