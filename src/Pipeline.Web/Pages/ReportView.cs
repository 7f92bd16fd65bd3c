using System.Globalization;
using Pipeline.Core;
using Pipeline.Core.Validation;

namespace Pipeline.Web.Pages;

/// <summary>
/// A validation report as the page shows it: a summary line, then the errors and the warnings each as a govuk-table of
/// row, column, code, message and value. Every value is the file's own and is written as text.
/// </summary>
internal static class ReportView
{
    /// <summary>"Invalid: 7 rows, quarter 2024-Q3, 2 errors, 0 warnings", the verdict as a tag.</summary>
    public static void WriteSummaryLine(HtmlWriter html, ValidationReport report)
    {
        html.Markup("<p class=\"govuk-body\" id=\"report-summary\">");
        StatusTag.WriteVerdict(html, report.Valid);
        html.Text(string.Create(
            CultureInfo.InvariantCulture,
            $" {Count(report.Rows, "row")}, quarter {report.Quarter ?? "not known"}, {Count(report.Errors.Count + report.ErrorsNotShown, "error")}, {Count(report.Warnings.Count + report.WarningsNotShown, "warning")}."));
        html.Markup("</p>\n");
    }

    /// <summary>The file's name, verdict, rows, quarter and sha256 as a govuk-summary-list.</summary>
    public static void WriteFacts(HtmlWriter html, ValidationReport report)
    {
        html.Markup("<dl class=\"govuk-summary-list\">\n");
        Fact(html, "File", UploadNames.Visible(report.File));
        html.Markup("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Result</dt><dd class=\"govuk-summary-list__value\">");
        StatusTag.WriteVerdict(html, report.Valid);
        html.Markup("</dd></div>\n");
        Fact(html, "Rows", report.Rows.ToString("N0", CultureInfo.InvariantCulture));
        Fact(html, "Quarter", report.Quarter ?? "Not known");
        Fact(html, "SHA-256", report.Sha256 ?? "Not worked out (the file was not read in full)", code: report.Sha256 is not null);
        html.Markup("</dl>\n");
    }

    public static void WriteIssues(HtmlWriter html, ValidationReport report)
    {
        Table(html, "errors", "Errors", report.Errors, report.ErrorsNotShown, report.Truncated);
        Table(html, "warnings", "Warnings", report.Warnings, report.WarningsNotShown, truncated: false);
    }

    public static void Fact(HtmlWriter html, string key, string? value, bool code = false)
    {
        html.Markup("<div class=\"govuk-summary-list__row\">").Element("dt", key, ("class", "govuk-summary-list__key"))
            .Open("dd", ("class", code ? "govuk-summary-list__value pipeline-break" : "govuk-summary-list__value"));
        if (code)
        {
            html.Element("code", value);
        }
        else
        {
            html.Text(value);
        }

        html.Markup("</dd></div>\n");
    }

    private static void Table(HtmlWriter html, string id, string title, IReadOnlyList<ValidationIssue> issues, int notShown, bool truncated)
    {
        if (issues.Count == 0)
        {
            html.Open("p", ("class", "govuk-body"), ("id", id)).Text(string.Create(CultureInfo.InvariantCulture, $"No {title.ToLowerInvariant()}.")).Close("p").Markup("\n");
            return;
        }

        html.Open("table", ("class", "govuk-table"), ("id", id))
            .Open("caption", ("class", "govuk-table__caption govuk-table__caption--m"))
            .Text(string.Create(CultureInfo.InvariantCulture, $"{title} ({issues.Count + notShown:N0})")).Close("caption")
            .Markup("\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">")
            .Markup("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Row</th>")
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">Column</th>")
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">Code</th>")
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">Message</th>")
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">Value</th>")
            .Markup("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        foreach (var issue in issues)
        {
            html.Markup("<tr class=\"govuk-table__row\">")
                .Element("td", issue.Row?.ToString(CultureInfo.InvariantCulture), ("class", "govuk-table__cell govuk-table__cell--numeric"))
                .Element("td", issue.Column, ("class", "govuk-table__cell"))
                .Open("td", ("class", "govuk-table__cell")).Element("code", issue.Code).Close("td")
                .Element("td", issue.Message, ("class", "govuk-table__cell"))
                .Open("td", ("class", "govuk-table__cell pipeline-break")).Element("code", issue.Value).Close("td")
                .Markup("</tr>\n");
        }

        html.Markup("</tbody></table>\n");
        if (notShown > 0 || truncated)
        {
            html.Open("p", ("class", "govuk-body")).Text(notShown > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{notShown:N0} more not listed: checking stopped at the limit. Fix these and check the file again.")
                : "Checking stopped at the limit: there may be more. Fix these and check the file again.").Close("p").Markup("\n");
        }
    }

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");
}
