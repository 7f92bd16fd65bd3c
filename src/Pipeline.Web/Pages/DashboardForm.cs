using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;

namespace Pipeline.Web.Pages;

/// <summary>
/// The dashboard's form: plain GET parameters (dataset, basis, period, area), so a view is a link. "Latest" and "All
/// areas" send an empty value, which the dashboard reads as the parameter left out.
/// </summary>
internal static class DashboardForm
{
    public static void Write(
        HtmlWriter html,
        IReadOnlyList<DatasetDefinition> datasets,
        DatasetDefinition dataset,
        YearBasis basis,
        IReadOnlyList<(Period Period, ComparisonStatus Status)> periods,
        Period? period,
        IReadOnlyList<(string Code, string Name)> areas,
        string? area,
        string? errorField,
        string? error)
    {
        html.Markup("<form method=\"get\" action=\"/\" novalidate id=\"choose\">\n")
            .Markup("<h2 class=\"govuk-heading-m\">Choose the figures</h2>\n<div class=\"govuk-grid-row\">\n");
        Select(html, "dataset", "Dataset", errorField, error, datasets.Select(d => (d.Id, d.Title, d.Id == dataset.Id)));
        Select(html, "basis", "Year", errorField, error, YearBasisNames.All.Select(b => (b.ToWireName(), DashboardPage.BasisName(b), b == basis)));
        Select(html, "period", "Period", errorField, error, [
            (string.Empty, "Latest", period is null),
            .. periods.Select(p => (p.Period.ToString(), PeriodLabels.Label(p.Period) + (p.Status == ComparisonStatus.YearToDate ? " (year to date)" : string.Empty), p.Period == period)),
        ]);
        Select(html, "area", "Area", errorField, error, [(string.Empty, "All areas", area is null), .. areas.Select(a => (a.Code, a.Name, a.Code == area))]);
        html.Markup("</div>\n<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Show figures</button>\n</form>\n");
    }

    private static void Select(HtmlWriter html, string name, string label, string? errorField, string? error, IEnumerable<(string Value, string Text, bool Selected)> options)
    {
        var hasError = errorField == name;
        html.Markup("<div class=\"govuk-grid-column-one-quarter\">")
            .Open("div", ("class", hasError ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"))
            .Element("label", label, ("class", "govuk-label govuk-label--s"), ("for", name));
        if (hasError)
        {
            html.Open("p", ("class", "govuk-error-message"), ("id", name + "-error"))
                .Markup("<span class=\"govuk-visually-hidden\">Error:</span> ").Text(error).Close("p");
        }

        html.Open("select", ("class", hasError ? "govuk-select govuk-select--error govuk-!-width-full" : "govuk-select govuk-!-width-full"), ("id", name), ("name", name), ("aria-describedby", hasError ? name + "-error" : null));
        foreach (var (value, text, selected) in options)
        {
            html.Element("option", text, ("value", value), ("selected", selected ? string.Empty : null));
        }

        html.Markup("</select></div></div>\n");
    }
}
