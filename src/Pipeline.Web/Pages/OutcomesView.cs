using System.Globalization;
using Pipeline.Core;
using Pipeline.Core.Ports;

namespace Pipeline.Web.Pages;

/// <summary>The latest outcomes from the ledger as a govuk-table, newest first: file, status, quarter, errors, warnings, when.</summary>
internal static class OutcomesView
{
    public const int Rows = 20;

    public static void Write(HtmlWriter html, IReadOnlyList<LedgerEntry> latest)
    {
        html.Markup("<h2 class=\"govuk-heading-l\" id=\"latest-outcomes\">Latest outcomes</h2>\n");
        if (latest.Count == 0)
        {
            html.Markup("<p class=\"govuk-body\">No file has been processed yet.</p>\n");
            return;
        }

        html.Markup("<table class=\"govuk-table\">\n")
            .Open("caption", ("class", "govuk-table__caption govuk-table__caption--s"))
            .Text("The files most recently processed, newest first (times in UTC).")
            .Close("caption")
            .Markup("\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">")
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">File</th>")
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">Status</th>")
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">Quarter</th>")
            .Markup("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Errors</th>")
            .Markup("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Warnings</th>")
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">Processed at</th>")
            .Markup("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        foreach (var entry in latest)
        {
            html.Markup("<tr class=\"govuk-table__row\">")
                .Open("td", ("class", "govuk-table__cell pipeline-break")).Text(UploadNames.Visible(entry.File)).Close("td")
                .Markup("<td class=\"govuk-table__cell\">");
            StatusTag.Write(html, entry.Status);
            html.Markup("</td>")
                .Element("td", entry.Quarter ?? "–", ("class", "govuk-table__cell"))
                .Element("td", entry.Errors.ToString("N0", CultureInfo.InvariantCulture), ("class", "govuk-table__cell govuk-table__cell--numeric"))
                .Element("td", entry.Warnings.ToString("N0", CultureInfo.InvariantCulture), ("class", "govuk-table__cell govuk-table__cell--numeric"))
                .Open("td", ("class", "govuk-table__cell"))
                .Element("time", entry.ProcessedAt.UtcDateTime.ToString("d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture),
                    ("datetime", entry.ProcessedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)))
                .Close("td")
                .Markup("</tr>\n");
        }

        html.Markup("</tbody></table>\n");
    }
}
