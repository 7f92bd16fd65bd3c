using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Series;

namespace Pipeline.Web.Pages;

/// <summary>
/// What the dashboard shows: the chosen dataset's comparison (every area's, or only the chosen area's) and what the page
/// charts of the series (every quarter's totals, and the chosen area's figures), the area chosen (null: all areas), the
/// periods of the basis the series gives and the areas to choose from, for the form; and for a dataset of more than a
/// page of areas, which page of them (or of those a search found) the tables show.
/// </summary>
public sealed record DashboardModel(
    IReadOnlyList<DatasetDefinition> Datasets,
    DatasetDefinition Dataset,
    SummaryDocument Summary,
    IReadOnlyList<SourceView> Sources,
    SeriesDocument? Series,
    string? Area,
    IReadOnlyList<(Period Period, ComparisonStatus Status)> Periods,
    IReadOnlyList<(string Code, string Name)> AreaChoices,
    AreaPage? Paging = null,
    ReleaseView? Release = null)
{
    public YearBasis Basis => Summary.Basis;

    /// <summary>The chosen area's comparison, or null for all areas.</summary>
    public AreaComparison? ChosenArea => Area is null ? null : Summary.Areas.FirstOrDefault(a => a.Code == Area);

    /// <summary>"Birmingham", or "All areas".</summary>
    public string AreaName => ChosenArea?.Name ?? "All areas";

    /// <summary>The query of this view, every parameter explicit (the period resolved), for links to the same figures.</summary>
    public string Query(string? format = null, bool series = false)
    {
        var parts = new List<(string, string?)> { ("dataset", Dataset.Id) };
        if (!series)
        {
            parts.Add(("basis", Basis.ToWireName()));
            parts.Add(("period", Summary.Period.ToString()));
        }

        parts.Add(("area", Area));
        parts.Add(("format", format));
        if (format is null && !series && Paging is { } paging)
        {
            parts.Add((AreaPage.SearchParameter, paging.Search));
        }

        return "?" + string.Join('&', parts.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }
}
