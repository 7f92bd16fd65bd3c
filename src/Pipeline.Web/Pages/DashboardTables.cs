using System.Globalization;
using Pipeline.Core;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Summaries;

namespace Pipeline.Web.Pages;

/// <summary>
/// The dashboard's tables of the summary: per metric, the chosen area (or every area) and the total, the numbers as the
/// JSON has them with their signs and units written out; and the sources behind them.
/// </summary>
internal static class DashboardTables
{
    public static void WriteAreas(HtmlWriter html, DashboardModel model)
    {
        var summary = model.Summary;
        string previous = PeriodLabels.Label(summary.PreviousPeriod), current = PeriodLabels.Label(summary.Period);
        var areas = model.ChosenArea is { } chosen ? [chosen] : summary.Areas;
        html.Markup("<h2 class=\"govuk-heading-l\" id=\"by-area\">Figures by area</h2>\n");
        foreach (var metric in model.Dataset.Metrics)
        {
            var title = Headlines.Title(model.Dataset, metric);
            var rate = metric.Rate is not null;
            Scroll(html, $"{title}, {current} compared with {previous}", "areas-" + metric.Id);
            html.Markup("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Area</th>");
            Header(html, rate ? $"{previous} (%)" : previous);
            Header(html, rate ? $"{current} (%)" : current);
            Header(html, rate ? "Change (percentage points)" : "Change");
            if (!rate)
            {
                Header(html, "Change (%)");
            }

            html.Markup("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
            foreach (var area in areas)
            {
                Row(html, area.Name, area.Metrics.Get(metric.Id), total: false);
            }

            Row(html, "Total", summary.Total.Metrics.Get(metric.Id), total: true);
            html.Markup("</tbody></table></div>\n");
        }
    }

    public static void WriteSources(HtmlWriter html, DashboardModel model)
    {
        html.Markup("<h2 class=\"govuk-heading-l\" id=\"sources\">Where the figures came from</h2>\n")
            .Element("p", $"Computed at {Time(model.Summary.ComputedAt)} from these accepted returns (the previous period's, then this period's).", ("class", "govuk-body"), ("id", "computed-at"));
        Scroll(html, "The accepted file behind each quarter compared", "sources-table");
        html.Markup("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">")
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">Quarter</th><th scope=\"col\" class=\"govuk-table__header\">File</th>")
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">SHA-256</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Revision</th>")
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">Accepted at</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        foreach (var source in model.Sources)
        {
            html.Markup("<tr class=\"govuk-table__row\">")
                .Element("th", source.Quarter, ("scope", "row"), ("class", "govuk-table__header"))
                .Element("td", UploadNames.Visible(source.File), ("class", "govuk-table__cell pipeline-break"))
                .Open("td", ("class", "govuk-table__cell pipeline-break")).Element("code", source.Sha256).Close("td")
                .Element("td", source.Revision?.ToString(CultureInfo.InvariantCulture) ?? "Not recorded", ("class", "govuk-table__cell govuk-table__cell--numeric"))
                .Element("td", source.AcceptedAt is { } at ? Time(at) : "Not recorded", ("class", "govuk-table__cell"))
                .Markup("</tr>\n");
        }

        html.Markup("</tbody></table></div>\n");
    }

    /// <summary>
    /// Opens a table inside a region that scrolls sideways on its own when the table is wider than the screen, so the
    /// page never does (WCAG 1.4.10); the region can be focused to scroll it with the keyboard. The caption is shown
    /// above the region, where it wraps to the screen, and kept in the table for screen readers.
    /// </summary>
    public static void Scroll(HtmlWriter html, string caption, string id)
    {
        html.Element("p", caption, ("class", "govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2"), ("id", id + "-caption"), ("aria-hidden", "true"))
            .Open("div", ("class", "pipeline-scroll"), ("role", "region"), ("aria-labelledby", id + "-caption"), ("tabindex", "0"))
            .Open("table", ("class", "govuk-table govuk-table--small-text-until-tablet"), ("id", id))
            .Element("caption", caption, ("class", "govuk-table__caption govuk-visually-hidden"))
            .Markup("\n");
    }

    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A count with its thousands, signed when it is a change: "7,675", "-1,054", "+57".</summary>
    public static string Count(long value, bool signed = false) =>
        (signed && value > 0 ? "+" : string.Empty) + value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A percentage or points as the JSON has it (2 decimals), signed when it is a change; "n/a" for none.</summary>
    public static string Decimal(decimal? value, bool signed = false, string unit = "") =>
        value is { } v ? (signed && v > 0 ? "+" : string.Empty) + v.ToString(CultureInfo.InvariantCulture) + unit : "n/a";

    private static void Header(HtmlWriter html, string text) =>
        html.Element("th", text, ("scope", "col"), ("class", "govuk-table__header govuk-table__header--numeric"));

    private static void Row(HtmlWriter html, string name, MetricResult metric, bool total)
    {
        html.Open("tr", ("class", total ? "govuk-table__row pipeline-total" : "govuk-table__row"))
            .Element("th", name, ("scope", "row"), ("class", "govuk-table__header"));
        if (metric.Count is { } count)
        {
            Cell(html, Count(count.Previous));
            Cell(html, Count(count.Current));
            Cell(html, Count(count.Change, signed: true));
            Cell(html, Decimal(count.ChangePercent, signed: true, unit: "%"));
        }
        else if (metric.Rate is { } rate)
        {
            Cell(html, Decimal(rate.Previous, unit: "%"));
            Cell(html, Decimal(rate.Current, unit: "%"));
            Cell(html, Decimal(rate.ChangePoints, signed: true));
        }

        html.Markup("</tr>\n");
    }

    private static void Cell(HtmlWriter html, string text) =>
        html.Element("td", text, ("class", "govuk-table__cell govuk-table__cell--numeric"));
}
