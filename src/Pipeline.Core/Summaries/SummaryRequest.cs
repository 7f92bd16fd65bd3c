using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Summaries;

/// <summary>
/// What a caller asked for: the summary's parameters (docs/contract.md), checked. <see cref="Dataset"/> is the id as
/// given (or the default's); whether such a dataset exists is the service's to say.
/// </summary>
public sealed partial record SummaryRequest(YearBasis Basis, Period? Period, string? Area, SummaryFormat Format, string Dataset = DatasetDefinition.DefaultId)
{
    public const string BasisParameter = "basis";
    public const string PeriodParameter = "period";
    public const string AreaParameter = "area";
    public const string FormatParameter = "format";
    public const string DatasetParameter = "dataset";

    private static readonly string[] Known = [BasisParameter, PeriodParameter, AreaParameter, FormatParameter, DatasetParameter];

    /// <summary>
    /// Reads the parameters (query string or CLI options; names exact, lower-case). An unknown, repeated, empty or
    /// malformed parameter gives a problem naming it.
    /// </summary>
    public static bool TryParse(IEnumerable<KeyValuePair<string, string?>> parameters, out SummaryRequest request, out SummaryProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        request = new SummaryRequest(YearBasis.Calendar, null, null, SummaryFormat.Json);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                problem = SummaryProblem.BadParameter(name, $"Unknown parameter '{name}'. The summary takes {string.Join(", ", Known)}.");
                return false;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                problem = SummaryProblem.BadParameter(name, $"Parameter '{name}' is empty. Give it a value or leave it out.");
                return false;
            }

            if (!values.TryAdd(name, value.Trim()))
            {
                problem = SummaryProblem.BadParameter(name, $"Parameter '{name}' is given more than once. Give it once.");
                return false;
            }
        }

        var basis = YearBasis.Calendar;
        if (values.TryGetValue(BasisParameter, out var basisText) && !YearBasisNames.TryParse(basisText, out basis))
        {
            problem = SummaryProblem.BadParameter(BasisParameter, $"Parameter 'basis': '{basisText}' is not a year basis. Use 'calendar', 'financial' or 'rolling'.");
            return false;
        }

        Period? period = null;
        if (values.TryGetValue(PeriodParameter, out var periodText))
        {
            if (!Calendar.Period.TryParse(basis, periodText, out var parsed))
            {
                var example = basis switch
                {
                    YearBasis.Calendar => "a year such as 2024",
                    YearBasis.Financial => "a financial year such as 2024/25 or 2024-25",
                    _ => "a quarter such as 2024-Q3, the last of the year's four",
                };
                problem = SummaryProblem.BadParameter(PeriodParameter, $"Parameter 'period': '{periodText}' is not a {basis.ToWireName()} period. Use {example}.");
                return false;
            }

            period = parsed;
        }

        string? area = null;
        if (values.TryGetValue(AreaParameter, out var areaText))
        {
            if (!GssCode.IsValid(areaText))
            {
                problem = SummaryProblem.BadParameter(AreaParameter, GssCode.NotACode(AreaParameter, areaText));
                return false;
            }

            area = areaText;
        }

        var format = SummaryFormat.Json;
        if (values.TryGetValue(FormatParameter, out var formatText))
        {
            switch (formatText)
            {
                case "json":
                    break;
                case "csv":
                    format = SummaryFormat.Csv;
                    break;
                default:
                    problem = SummaryProblem.BadParameter(FormatParameter, $"Parameter 'format': '{formatText}' is not a format. Use 'json', 'csv' or 'ods'.");
                    return false;
            }
        }

        request = new SummaryRequest(basis, period, area, format, values.GetValueOrDefault(DatasetParameter, DatasetDefinition.DefaultId));
        problem = null;
        return true;
    }
}
