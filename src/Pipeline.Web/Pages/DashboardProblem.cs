using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;

namespace Pipeline.Web.Pages;

/// <summary>
/// A dashboard that cannot show figures: a parameter the form cannot use (400, <see cref="Field"/> names the form's
/// field), or a comparison that does not exist (404), with the periods (or areas) that do, as links.
/// </summary>
public sealed record DashboardProblem(
    int Status,
    string Title,
    string Message,
    string? Field,
    IReadOnlyList<DatasetDefinition> Datasets,
    DatasetDefinition Dataset,
    YearBasis Basis,
    IReadOnlyList<(Period Period, ComparisonStatus Status)> Periods,
    IReadOnlyList<(string Code, string Name)> Areas);
