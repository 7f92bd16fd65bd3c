using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;

namespace Pipeline.Web.Pages;

/// <summary>
/// A bar chart of every accepted quarter per metric, for the chosen area or the total, drawn as SVG on the server: a
/// title and a description a screen reader reads (role="img"), axes with their labels, the quarters compared this period
/// and the previous one marked by colour and named in the legend, and the same numbers in a table below it. It scales
/// with its container (a viewBox, width 100%), so it fits a 320 px screen.
/// </summary>
internal static class ChartView
{
    private const int Width = 640, Height = 312, Left = 72, Right = 628, Top = 16, Bottom = 236;
    private static readonly decimal[] Steps = [1m, 2m, 2.5m, 5m, 10m];

    private const string CurrentFill = "#1d70b8", PreviousFill = "#505a5f", OtherFill = "#f3f2f1", Ink = "#0b0c0c";

    public static void WriteAll(HtmlWriter html, DashboardModel model)
    {
        html.Markup("<h2 class=\"govuk-heading-l\" id=\"every-quarter\">Every quarter</h2>\n");
        if (model.Series is not { Quarters.Count: > 0 } series)
        {
            html.Markup("<p class=\"govuk-body\" id=\"no-series\">The quarters' figures are computed at the next recalculation.</p>\n");
            return;
        }

        html.Element("p", $"{model.AreaName}, every accepted quarter from {series.Quarters[0].Quarter} to {series.Quarters[^1].Quarter}. Dark blue bars are the quarters compared in {PeriodLabels.Label(model.Summary.Period)}; dark grey bars the same quarters of {PeriodLabels.Label(model.Summary.PreviousPeriod)}.", ("class", "govuk-body"));
        var current = model.Summary.Quarters.ToHashSet();
        var previous = model.Sources.Select(s => s.Quarter).Where(q => !current.Contains(Quarter.Parse(q))).Select(Quarter.Parse).ToHashSet();
        var revised = model.Sources.Where(s => s.IsRevised).ToDictionary(s => s.Quarter, s => s.Revision);
        foreach (var metric in model.Dataset.Metrics)
        {
            Write(html, model, metric, MetricSeries.Of(model.Dataset, metric, series, model.Area), current, previous, revised);
        }
    }

    private static void Write(
        HtmlWriter html, DashboardModel model, DatasetMetric metric, IReadOnlyList<MetricPoint> points, HashSet<Quarter> current, HashSet<Quarter> previous, Dictionary<string, int?> revised)
    {
        var title = Headlines.Title(model.Dataset, metric);
        var rate = metric.Rate is not null;
        var id = "chart-" + metric.Id;
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var (top, step) = Scale(values.Count == 0 ? 0 : values.Max(), rate);
        var lowest = points.Where(p => p.Value is not null).MinBy(p => p.Value);
        var highest = points.Where(p => p.Value is not null).MaxBy(p => p.Value);
        var description = $"Bar chart of {title.ToLowerInvariant()} in each quarter from {points[0].Quarter} to {points[^1].Quarter}, {model.AreaName.ToLowerInvariant()}." +
            (lowest is null ? string.Empty : $" The lowest is {Value(lowest.Value!.Value, rate)} in {lowest.Quarter}, the highest {Value(highest!.Value!.Value, rate)} in {highest.Quarter}.") +
            $" The quarters compared are {string.Join(", ", model.Summary.Quarters)} and the same quarters a year earlier. The table below has every value.";

        html.Element("h3", title, ("class", "govuk-heading-m"), ("id", id))
            .Markup("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">")
            .Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("id", id + "-svg"), ("viewBox", $"0 0 {Width} {Height}"), ("width", "100%"), ("class", "pipeline-chart"),
                ("role", "img"), ("aria-labelledby", $"{id}-title {id}-desc"), ("font-size", "16"))
            .Element("title", $"{title}, {model.AreaName}, every quarter", ("id", (string?)(id + "-title")))
            .Element("desc", description, ("id", (string?)(id + "-desc")));

        // Grid lines and the value axis' labels.
        for (var tick = 0m; tick <= top; tick += step)
        {
            var y = Y(tick, top);
            html.Open("line", ("x1", F(Left)), ("x2", F(Right)), ("y1", F(y)), ("y2", F(y)), ("stroke", tick == 0 ? Ink : "#b1b4b6"), ("stroke-width", "1")).Close("line")
                .Open("text", ("x", F(Left - 8)), ("y", F(y + 5)), ("text-anchor", "end"), ("fill", Ink)).Text(Value(tick, rate)).Close("text");
        }

        html.Open("text", ("x", "16"), ("y", F((Top + Bottom) / 2m)), ("text-anchor", "middle"), ("fill", Ink), ("transform", $"rotate(-90 16 {F((Top + Bottom) / 2m)})"))
            .Text(rate ? "Percent" : title).Close("text");

        var slot = (Right - Left) / (decimal)points.Count;
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var x = Left + (slot * i);
            if (point.Value is { } value)
            {
                var fill = current.Contains(point.Quarter) ? CurrentFill : previous.Contains(point.Quarter) ? PreviousFill : OtherFill;
                html.Open("rect", ("x", F(x + (slot * 0.15m))), ("y", F(Y(value, top))), ("width", F(slot * 0.7m)), ("height", F(Bottom - Y(value, top))),
                    ("fill", fill), ("stroke", Ink), ("stroke-width", "1")).Close("rect");
            }

            html.Open("text", ("x", F(x + (slot / 2))), ("y", F(Bottom + 20)), ("text-anchor", "middle"), ("fill", Ink)).Text($"Q{point.Quarter.Number}").Close("text");
            if (point.Quarter.Number == 1 || i == 0)
            {
                html.Open("text", ("x", F(x + (slot / 2))), ("y", F(Bottom + 42)), ("text-anchor", "middle"), ("fill", Ink)).Text(point.Quarter.Year.ToString(CultureInfo.InvariantCulture)).Close("text");
            }
        }

        html.Open("text", ("x", F((Left + Right) / 2m)), ("y", F(Height - 4)), ("text-anchor", "middle"), ("fill", Ink)).Text("Quarter").Close("text")
            .Markup("</svg>\n<ul class=\"govuk-list pipeline-legend\">")
            .Markup("<li><span class=\"pipeline-swatch pipeline-swatch--current\"></span>").Text($"Compared, {PeriodLabels.Label(model.Summary.Period)}").Markup("</li>")
            .Markup("<li><span class=\"pipeline-swatch pipeline-swatch--previous\"></span>").Text($"Compared, {PeriodLabels.Label(model.Summary.PreviousPeriod)}").Markup("</li>")
            .Markup("<li><span class=\"pipeline-swatch pipeline-swatch--other\"></span>Other quarters</li></ul>\n")
            .Markup("</div><div class=\"govuk-grid-column-one-third\">\n");

        DashboardTables.Scroll(html, $"{title}, {model.AreaName}, every quarter", id + "-table");
        html.Markup("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Quarter</th>")
            .Element("th", rate ? $"{title} (%)" : title, ("scope", "col"), ("class", "govuk-table__header govuk-table__header--numeric"))
            .Markup("<th scope=\"col\" class=\"govuk-table__header\">Compared</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        foreach (var point in points)
        {
            var quarter = point.Quarter.ToString();
            var compared = current.Contains(point.Quarter) ? PeriodLabels.Label(model.Summary.Period)
                : previous.Contains(point.Quarter) ? PeriodLabels.Label(model.Summary.PreviousPeriod) : string.Empty;
            html.Markup("<tr class=\"govuk-table__row\">")
                .Element("th", revised.TryGetValue(quarter, out var revision) ? $"{quarter} (revision {revision})" : quarter, ("scope", "row"), ("class", "govuk-table__header"))
                .Element("td", point.Value is not { } v ? "No return" : rate ? DashboardTables.Decimal(v, unit: "%") : DashboardTables.Count((long)v), ("class", "govuk-table__cell govuk-table__cell--numeric"))
                .Element("td", compared, ("class", "govuk-table__cell"))
                .Markup("</tr>\n");
        }

        html.Markup("</tbody></table></div>\n</div></div>\n");
    }

    /// <summary>The axis' top and step: a round step (1, 2, 2.5 or 5 times a power of ten) giving about four gridlines.</summary>
    private static (decimal Top, decimal Step) Scale(decimal max, bool rate)
    {
        if (max <= 0)
        {
            return (rate ? 10 : 4, rate ? 2.5m : 1);
        }

        var raw = (double)max / 4;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = Steps.Select(m => m * magnitude).First(s => s >= (decimal)raw);
        step = rate ? step : Math.Max(1, Math.Ceiling(step));
        return (Math.Ceiling(max / step) * step, step);
    }

    private static decimal Y(decimal value, decimal top) => Bottom - ((Bottom - Top) * value / top);

    private static string Value(decimal value, bool rate) =>
        rate ? value.ToString("0.##", CultureInfo.InvariantCulture) + "%" : value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
