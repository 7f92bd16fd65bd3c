using System.Globalization;
using Pipeline.Core;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Returns;

namespace Pipeline.Web.Pages;

/// <summary>
/// The partner page, /submit (docs/contract.md section 9): the form, then what came of the last request (an error
/// summary, a checked file's report, or a sent file's outcome), then the latest outcomes. Plain HTML: no script.
/// </summary>
internal static class PartnerPage
{
    public const string FileField = "file";
    public const string DatasetField = "dataset";
    public const string ActionField = "action";
    public const string CheckAction = "check";
    public const string SendAction = "send";

    public static string Render(PartnerPageModel model)
    {
        var html = new HtmlWriter();
        PageLayout.Begin(html, "Check or send a quarterly return", model.Error is not null);
        if (model.Error is { } error)
        {
            html.Markup("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">")
                .Markup("<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">")
                .Markup("<ul class=\"govuk-list govuk-error-summary__list\"><li><a href=\"#file\">").Text(error).Markup("</a></li></ul>")
                .Markup("</div></div></div>\n");
        }

        if (model.Sent is { } sent)
        {
            Banner(html, sent);
        }
        else if (model.SentElsewhere is { } name)
        {
            Banner(html, success: true, "The file was stored", $"'{UploadNames.Visible(name)}' is being processed by another run. Its outcome will appear in the latest outcomes below.");
        }
        else if (model.Checked is { } report)
        {
            Banner(html, report.Valid, report.Valid ? "The file is valid" : "The file is not valid",
                report.Valid ? "Nothing was stored. Send the file when you are ready." : "Nothing was stored. Fix the errors below and check the file again.");
        }

        html.Markup("<h1 class=\"govuk-heading-xl\">Check or send a quarterly return</h1>\n")
            .Markup("<p class=\"govuk-body\">Check a file to see its problems without sending it. Send a file to store it; a valid file becomes its quarter's figures, and an invalid one is kept aside with its report. Nothing already sent is overwritten.</p>\n");
        Form(html, model);

        if (model.Checked is { } checkedReport)
        {
            html.Markup("<h2 class=\"govuk-heading-l\" id=\"report\">Report</h2>\n");
            ReportView.WriteSummaryLine(html, checkedReport);
            ReportView.WriteFacts(html, checkedReport);
            ReportView.WriteIssues(html, checkedReport);
        }
        else if (model.Sent is { } outcome)
        {
            Outcome(html, outcome);
            if (outcome.IsRejected)
            {
                html.Markup("<h2 class=\"govuk-heading-l\" id=\"report\">Report</h2>\n");
                ReportView.WriteSummaryLine(html, outcome.Report);
                ReportView.WriteIssues(html, outcome.Report);
            }
        }

        OutcomesView.Write(html, model.Latest);
        PageLayout.End(html);
        return html.ToString();
    }

    private static void Form(HtmlWriter html, PartnerPageModel model)
    {
        html.Markup("<form method=\"post\" enctype=\"multipart/form-data\" novalidate>\n")
            .Markup("<div class=\"govuk-form-group\"><label class=\"govuk-label govuk-label--s\" for=\"dataset\">Dataset</label>")
            .Markup("<div id=\"dataset-hint\" class=\"govuk-hint\">The kind of return the file is.</div>")
            .Markup("<select class=\"govuk-select\" id=\"dataset\" name=\"dataset\" aria-describedby=\"dataset-hint\">");
        foreach (var dataset in model.Datasets)
        {
            html.Element("option", dataset.Title, ("value", dataset.Id), ("selected", dataset.Id == model.SelectedDataset ? "" : null));
        }

        html.Markup("</select></div>\n");
        if (model.Error is { } error)
        {
            html.Markup("<div class=\"govuk-form-group govuk-form-group--error\">")
                .Markup("<label class=\"govuk-label govuk-label--s\" for=\"file\">The return, a CSV file</label>")
                .Markup("<div id=\"file-hint\" class=\"govuk-hint\">One quarter's return, named for example 2024-Q3.csv.</div>")
                .Markup("<p id=\"file-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ").Text(error).Markup("</p>")
                .Markup("<input class=\"govuk-file-upload govuk-file-upload--error\" id=\"file\" name=\"file\" type=\"file\" accept=\".csv,text/csv\" aria-describedby=\"file-hint file-error\">");
        }
        else
        {
            html.Markup("<div class=\"govuk-form-group\">")
                .Markup("<label class=\"govuk-label govuk-label--s\" for=\"file\">The return, a CSV file</label>")
                .Markup("<div id=\"file-hint\" class=\"govuk-hint\">One quarter's return, named for example 2024-Q3.csv.</div>")
                .Markup("<input class=\"govuk-file-upload\" id=\"file\" name=\"file\" type=\"file\" accept=\".csv,text/csv\" aria-describedby=\"file-hint\">");
        }

        html.Markup("</div>\n<div class=\"govuk-button-group\">")
            .Markup("<button type=\"submit\" name=\"action\" value=\"check\" class=\"govuk-button govuk-button--secondary\">Check the file</button>")
            .Markup("<button type=\"submit\" name=\"action\" value=\"send\" class=\"govuk-button\">Send the file</button>")
            .Markup("</div>\n</form>\n");
    }

    private static void Banner(HtmlWriter html, UploadOutcome sent)
    {
        var (success, heading, body) = sent.Status switch
        {
            UploadStatus.Accepted => (true, "The file was accepted", $"Its figures are now the accepted figures for {sent.Quarter}."),
            UploadStatus.Duplicate => (true, "The file was already accepted", $"It is byte for byte the accepted file for {sent.Quarter}: nothing changed."),
            UploadStatus.Superseded => (true, "The file was kept but not used", $"A later file for {sent.Quarter} is already accepted, so the figures did not change."),
            _ => (false, "The file was rejected", "No figure changed. It is kept aside with its report, below: fix the errors and send the file again."),
        };
        Banner(html, success, heading, body);
    }

    private static void Outcome(HtmlWriter html, UploadOutcome sent)
    {
        html.Markup("<h2 class=\"govuk-heading-l\" id=\"outcome-heading\">Outcome</h2>\n");
        html.Markup("<dl class=\"govuk-summary-list\" id=\"outcome\">\n");
        ReportView.Fact(html, "File", UploadNames.Visible(sent.File));
        html.Markup("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Status</dt><dd class=\"govuk-summary-list__value\">");
        StatusTag.Write(html, sent.Status);
        html.Markup("</dd></div>\n");
        ReportView.Fact(html, "Stored as", UploadNames.Visible(sent.StoredAs), code: true);
        ReportView.Fact(html, "Quarter", sent.Quarter ?? "Not known");
        ReportView.Fact(html, "Rows", sent.Report.Rows.ToString("N0", CultureInfo.InvariantCulture));
        ReportView.Fact(html, "SHA-256", sent.Sha256, code: true);
        if (sent.Notice is { } notice)
        {
            ReportView.Fact(html, "Still to happen", notice);
        }

        html.Markup("</dl>\n");
    }

    private static void Banner(HtmlWriter html, bool success, string heading, string body)
    {
        if (success)
        {
            html.Markup("<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" aria-labelledby=\"banner-title\" id=\"outcome-banner\">")
                .Markup("<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"banner-title\">Success</h2></div>");
        }
        else
        {
            html.Markup("<div class=\"govuk-notification-banner\" role=\"region\" aria-labelledby=\"banner-title\" id=\"outcome-banner\">")
                .Markup("<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"banner-title\">Important</h2></div>");
        }

        html.Markup("<div class=\"govuk-notification-banner__content\">")
            .Element("h3", heading, ("class", "govuk-notification-banner__heading"))
            .Element("p", body, ("class", "govuk-body"))
            .Markup("</div></div>\n");
    }
}
