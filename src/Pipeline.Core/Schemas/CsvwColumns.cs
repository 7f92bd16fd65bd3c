using Pipeline.Core.Datasets;

namespace Pipeline.Core.Schemas;

/// <summary>The columns of the summary and series CSVs, described for <see cref="CsvwMetadata"/>.</summary>
internal static class CsvwColumns
{
    public static IEnumerable<CsvwColumn> Summary(DatasetDefinition dataset, IReadOnlyList<string> header)
    {
        yield return new("basis", "The year basis: calendar (January to December), financial (April to March) or rolling (the four quarters ending with a quarter).", "string", null, true, "calendar|financial|rolling");
        yield return new("period", "The period compared: 2024 (calendar), 2024/25 (financial) or 2024-Q3 (rolling: the year ending September 2024).", "string", null, true);
        yield return new("previous_period", "The period it is compared with: the same period a year earlier.", "string", null, true);
        yield return new("status", "complete when all four quarters are compared; year-to-date when only the quarters accepted in both years are (never for rolling years).", "string", null, true, "complete|year-to-date");
        yield return new("area_code", "The area's ONS GSS code; empty on the Total row.", "string", null, false, GssCode.Pattern);
        yield return new("area_name", "The area's name, or Total for all areas together.", "string", null, true);

        var column = 6;
        foreach (var metric in dataset.Metrics)
        {
            if (metric.Rate is { } rate)
            {
                var of = $"{Title(dataset, rate.Numerator)} as a percentage of {Title(dataset, rate.Denominator).ToLowerInvariant()}";
                yield return new(header[column++], $"{of}, this period; none when the denominator is 0.", "decimal", "percent", false);
                yield return new(header[column++], $"{of}, the previous period; none when the denominator is 0.", "decimal", "percent", false);
                yield return new(header[column++], "The change between the two unrounded rates, rounded to 2 decimals; none when either rate is none.", "decimal", "percentage points", false);
                foreach (var bound in RateBounds(header, ref column))
                {
                    yield return bound;
                }
            }
            else if (metric.PerPopulation is { } perPopulation)
            {
                foreach (var part in PerPopulationColumns(dataset, perPopulation, header, column))
                {
                    yield return part;
                }

                column += 10;
            }
            else
            {
                var title = Title(dataset, metric.Count!);
                var unit = title.ToLowerInvariant();
                yield return new(header[column++], $"{title}, this period: the sum over the quarters compared.", "nonNegativeInteger", unit, true);
                yield return new(header[column++], $"{title}, the previous period, over the same quarter positions.", "nonNegativeInteger", unit, true);
                yield return new(header[column++], "This period less the previous one.", "integer", unit, true);
                yield return new(header[column++], "100 x change / previous, rounded once to 2 decimals, halves away from zero; none when the previous count is 0.", "decimal", "percent", false);
            }
        }
    }

    public static IEnumerable<CsvwColumn> Series(DatasetDefinition dataset)
    {
        yield return new(FrameColumns.Quarter, "The calendar quarter, YYYY-Qn.", "string", null, true, "[0-9]{4}-Q[1-4]");
        yield return new(FrameColumns.AreaCode, "The area's ONS GSS code; empty on a quarter's Total row.", "string", null, false, GssCode.Pattern);
        yield return new(FrameColumns.AreaName, "The area's name, or Total for all areas together.", "string", null, true);
        foreach (var field in dataset.Fields)
        {
            yield return new(field.Name, field.Description ?? field.Title, "nonNegativeInteger", field.Title.ToLowerInvariant(), true);
        }
    }

    private static List<CsvwColumn> RateBounds(IReadOnlyList<string> header, ref int column)
    {
        const string Wilson = "bound of the 95% confidence interval (Wilson's score method), rounded once to 2 decimals; none when the rate is none";
        const string Newcombe = "bound of the change's 95% confidence interval (Newcombe's hybrid score method), rounded once to 2 decimals; none when the change is none";
        List<CsvwColumn> bounds =
        [
            new(header[column], $"This period's rate: the lower {Wilson}.", "decimal", "percent", false),
            new(header[column + 1], $"This period's rate: the upper {Wilson}.", "decimal", "percent", false),
            new(header[column + 2], $"The previous period's rate: the lower {Wilson}.", "decimal", "percent", false),
            new(header[column + 3], $"The previous period's rate: the upper {Wilson}.", "decimal", "percent", false),
            new(header[column + 4], $"The lower {Newcombe}.", "decimal", "percentage points", false),
            new(header[column + 5], $"The upper {Newcombe}.", "decimal", "percentage points", false),
        ];
        column += bounds.Count;
        return bounds;
    }

    private static IEnumerable<CsvwColumn> PerPopulationColumns(DatasetDefinition dataset, DatasetPerPopulation perPopulation, IReadOnlyList<string> header, int column)
    {
        var people = dataset.Populations.TryGetValue(perPopulation.Population, out var table) ? table.Title.ToLowerInvariant() : "people";
        var unit = $"{Title(dataset, perPopulation.Count).ToLowerInvariant()} per {perPopulation.Per.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {people}";
        const string Byar = "bound of the 95% confidence interval (Byar's method; the exact Poisson interval below a count of 10), rounded once to 2 decimals; none when the rate is none";
        var title = $"{Title(dataset, perPopulation.Count)} per {perPopulation.Per.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {people}";
        yield return new(header[column], $"{title}, this period: the count x {perPopulation.Per} / the population, rounded to 2 decimals; none without a population.", "decimal", unit, false);
        yield return new(header[column + 1], $"{title}, the previous period; none without a population.", "decimal", unit, false);
        yield return new(header[column + 2], "The change between the two unrounded rates, rounded to 2 decimals; none when either rate is none.", "decimal", unit, false);
        yield return new(header[column + 3], $"This period's rate: the lower {Byar}.", "decimal", unit, false);
        yield return new(header[column + 4], $"This period's rate: the upper {Byar}.", "decimal", unit, false);
        yield return new(header[column + 5], $"The previous period's rate: the lower {Byar}.", "decimal", unit, false);
        yield return new(header[column + 6], $"The previous period's rate: the upper {Byar}.", "decimal", unit, false);
        yield return new(header[column + 7], "The year of the population estimate this period's rate uses: the latest not after the year the period ends.", "integer", null, false);
        yield return new(header[column + 8], "The year of the population estimate the previous period's rate uses.", "integer", null, false);
        yield return new(header[column + 9], "Why a rate is missing (no population for the area or the year); empty otherwise.", "string", null, false);
    }

    private static string Title(DatasetDefinition dataset, string field) =>
        dataset.Fields.FirstOrDefault(f => f.Name == field)?.Title ?? field;
}
