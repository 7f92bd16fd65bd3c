using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Summaries;

namespace Pipeline.Web.Pages;

/// <summary>
/// The dashboard, / (docs/contract.md section 9): the form, the headline figures as sentences, the figures by area, a
/// chart of every quarter per metric with the same numbers as a table, the sources and the downloads. Everything is
/// driven by the dataset's definition and the two documents, so every dataset gets its dashboard with no page code of its
/// own. Plain HTML and SVG: no script.
/// </summary>
internal static class DashboardPage
{
    public static string Render(DashboardModel model)
    {
        var html = new HtmlWriter();
        var summary = model.Summary;
        var title = $"{model.Dataset.Title}: {PeriodLabels.Label(summary.Period)} compared with {PeriodLabels.Label(summary.PreviousPeriod)}";
        PageLayout.Begin(html, title, hasError: false, dashboard: true);
        html.Element("span", $"{BasisName(model.Basis)}, {(summary.Status == ComparisonStatus.Complete ? "complete" : "year to date")}", ("class", "govuk-caption-l"))
            .Element("h1", title, ("class", "govuk-heading-xl"));
        DashboardForm.Write(html, model.Datasets, model.Dataset, model.Basis, model.Periods, summary.Period, [.. summary.Areas.Select(a => (a.Code, a.Name))], model.Area, null, null);

        html.Markup("<h2 class=\"govuk-heading-l\" id=\"headlines-heading\">Headline figures</h2>\n")
            .Element("p", $"{model.AreaName}, {PeriodLabels.Label(summary.Period)} compared with {PeriodLabels.Label(summary.PreviousPeriod)}.", ("class", "govuk-body-l"), ("id", "headlines-scope"))
            .Markup("<ul class=\"govuk-list govuk-list--bullet govuk-!-font-size-24\" id=\"headlines\">");
        foreach (var sentence in Headlines.For(model.Dataset, summary.Period, model.ChosenArea?.Metrics ?? summary.Total.Metrics))
        {
            html.Element("li", sentence + ".");
        }

        html.Markup("</ul>\n");
        if (summary.Status == ComparisonStatus.YearToDate)
        {
            html.Element("div", $"Year to date: {string.Join(", ", summary.Quarters)} compared with the same quarters a year earlier. The other quarters of {PeriodLabels.Label(summary.Period)} have not been accepted yet.", ("class", "govuk-inset-text"), ("id", "year-to-date"));
        }

        var revised = model.Sources.Where(s => s.IsRevised).ToList();
        if (revised.Count > 0)
        {
            html.Element("div", $"These figures rest on corrected returns: {string.Join(", ", revised.Select(s => $"{s.Quarter} (revision {s.Revision})"))}. Earlier versions are superseded.", ("class", "govuk-inset-text"), ("id", "revised"));
        }

        DashboardTables.WriteAreas(html, model);
        ChartView.WriteAll(html, model);
        DashboardTables.WriteSources(html, model);
        WriteDownloads(html, model);
        PageLayout.End(html);
        return html.ToString();
    }

    public static string RenderProblem(DashboardProblem problem)
    {
        var html = new HtmlWriter();
        var isError = problem.Field is not null || problem.Status == 400;
        PageLayout.Begin(html, problem.Title, isError, dashboard: true);
        if (isError)
        {
            html.Markup("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">")
                .Markup("<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">")
                .Markup("<ul class=\"govuk-list govuk-error-summary__list\"><li>")
                .Element("a", problem.Message, ("href", "#" + (problem.Field ?? "dataset")))
                .Markup("</li></ul></div></div></div>\n");
        }

        html.Element("h1", problem.Title, ("class", "govuk-heading-xl")).Element("p", problem.Message, ("class", "govuk-body"), ("id", "problem"));
        if (problem.Status == 404 && problem.Areas.Count == 0)
        {
            html.Markup("<h2 class=\"govuk-heading-m\" id=\"periods-heading\">Periods with figures</h2>\n");
            if (problem.Periods.Count == 0)
            {
                html.Element("p", $"There is no {problem.Basis.ToWireName()} comparison of {problem.Dataset.Title.ToLowerInvariant()} yet. A comparison needs returns for a period and the period before it (a rolling year needs all eight quarters), and a recalculation.", ("class", "govuk-body"), ("id", "periods"));
            }
            else
            {
                html.Markup("<ul class=\"govuk-list\" id=\"periods\">");
                foreach (var (period, status) in problem.Periods)
                {
                    html.Markup("<li>").Element("a", $"{PeriodLabels.Label(period)}{(status == ComparisonStatus.YearToDate ? " (year to date)" : string.Empty)}", ("class", "govuk-link"), ("href", $"/?dataset={Uri.EscapeDataString(problem.Dataset.Id)}&basis={problem.Basis.ToWireName()}&period={Uri.EscapeDataString(period.ToString())}")).Markup("</li>");
                }

                html.Markup("</ul>\n");
            }
        }

        DashboardForm.Write(html, problem.Datasets, problem.Dataset, problem.Basis, problem.Periods, null, problem.Areas, null, problem.Field, problem.Message);
        PageLayout.End(html);
        return html.ToString();
    }

    public static string BasisName(YearBasis basis) => basis switch
    {
        YearBasis.Calendar => "Calendar year",
        YearBasis.Financial => "Financial year (April to March)",
        _ => "Rolling year (the year ending with a quarter)",
    };

    private static void WriteDownloads(HtmlWriter html, DashboardModel model)
    {
        html.Markup("<h2 class=\"govuk-heading-l\" id=\"downloads\">Download these figures</h2>\n<ul class=\"govuk-list\" id=\"download-links\">");
        Link(html, "/api/summary" + model.Query(), "This comparison as JSON");
        Link(html, "/api/summary" + model.Query("csv"), "This comparison as CSV");
        Link(html, "/api/series" + model.Query(series: true), "Every quarter as JSON");
        Link(html, "/api/series" + model.Query("csv", series: true), "Every quarter as CSV");
        html.Markup("</ul>\n<p class=\"govuk-body\">How the figures are made, and what each one counts, is in the method (docs/method.md); the CSVs are described by CSV on the Web metadata (docs/csvw).</p>\n");
    }

    private static void Link(HtmlWriter html, string href, string text) =>
        html.Markup("<li>").Element("a", text, ("class", "govuk-link"), ("href", href)).Markup("</li>");
}
