using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Datasets;

/// <summary>Reads a dataset definition from JSON and checks it, so a bad file stops the app at start with its name.</summary>
public static partial class DatasetDefinitionReader
{
    /// <exception cref="DatasetDefinitionException">The JSON is not a usable definition; the message names <paramref name="source"/>.</exception>
    public static DatasetDefinition Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        DatasetDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize(json, DatasetJsonContext.Default.DatasetDefinition);
        }
        catch (JsonException e)
        {
            throw new DatasetDefinitionException($"{source}: not a dataset definition: {e.Message}");
        }

        if (definition is null)
        {
            throw new DatasetDefinitionException($"{source}: not a dataset definition: the JSON is null.");
        }

        var problems = Check(definition);
        if (problems.Count > 0)
        {
            throw new DatasetDefinitionException($"{source}: {string.Join(" ", problems)}");
        }

        return definition;
    }

    /// <summary>Every problem with the definition, as sentences; empty when it can be used.</summary>
    public static IReadOnlyList<string> Check(DatasetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        if (definition.Id is null || !DatasetId().IsMatch(definition.Id))
        {
            problems.Add($"'id' must be lower-case letters, digits and hyphens, starting with a letter (it is '{definition.Id}').");
        }

        if (string.IsNullOrWhiteSpace(definition.Title))
        {
            problems.Add("'title' is required.");
        }

        if (definition.Fields is not { Count: > 0 })
        {
            problems.Add("'fields' must list at least one count field.");
            return problems;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in definition.Fields)
        {
            if (field?.Name is null || !FieldName().IsMatch(field.Name))
            {
                problems.Add($"Field '{field?.Name}': a name is lower-case letters, digits and underscores, starting with a letter.");
                continue;
            }

            if (field.Name is FrameColumns.Quarter or FrameColumns.AreaCode or FrameColumns.AreaName || !names.Add(field.Name))
            {
                problems.Add($"Field '{field.Name}' is named twice (every return already has quarter, area_code and area_name).");
            }

            if (string.IsNullOrWhiteSpace(field.Title))
            {
                problems.Add($"Field '{field.Name}' needs a 'title'.");
            }
        }

        foreach (var field in definition.Fields.Where(f => f?.NotGreaterThan is not null))
        {
            if (definition.IndexOf(field.NotGreaterThan!) < 0 || field.NotGreaterThan == field.Name)
            {
                problems.Add($"Field '{field.Name}': 'notGreaterThan' names '{field.NotGreaterThan}', which is not another field.");
            }

            if (field.Code is not null && !Code().IsMatch(field.Code))
            {
                problems.Add($"Field '{field.Name}': 'code' must be lower-case words joined by hyphens (it is '{field.Code}').");
            }
        }

        if (definition.Metrics is not { Count: > 0 })
        {
            problems.Add("'metrics' must list at least one metric.");
            return problems;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metric in definition.Metrics)
        {
            if (metric?.Id is null || !MetricId().IsMatch(metric.Id) || !ids.Add(metric.Id))
            {
                problems.Add($"Metric '{metric?.Id}': an id is camelCase letters and digits, and names one metric.");
                continue;
            }

            var fields = (metric.Count, metric.Rate, metric.PerPopulation) switch
            {
                ({ } count, null, null) => [count],
                (null, { } rate, null) => new[] { rate.Numerator, rate.Denominator },
                (null, null, { } perPopulation) => CheckPerPopulation(metric.Id, perPopulation, problems),
                _ => null,
            };
            if (fields is null)
            {
                problems.Add($"Metric '{metric.Id}' must have exactly one of 'count' (a field), 'rate' ({{\"numerator\", \"denominator\"}}) or 'perPopulation' ({{\"count\", \"per\", \"population\"}}).");
            }
            else
            {
                problems.AddRange(fields.Where(f => f is null || definition.IndexOf(f) < 0)
                    .Select(f => $"Metric '{metric.Id}' names '{f}', which is not a field."));
            }

            if (metric.Sentence is { } sentence && (metric.Rate is null || !Sentence().IsMatch(sentence)))
            {
                problems.Add($"Metric '{metric.Id}': 'sentence' is for a rate only, and is lower-case words of up to 80 characters such as \"had a positive outcome\" (it is '{sentence}').");
            }
        }

        if (definition.Areas is { } areas)
        {
            var codes = new HashSet<string>(StringComparer.Ordinal);
            if (areas.Count == 0)
            {
                problems.Add("'areas', when given, must list at least one area.");
            }

            foreach (var area in areas)
            {
                if (string.IsNullOrWhiteSpace(area?.Code) || string.IsNullOrWhiteSpace(area.Name) || !codes.Add(area.Code))
                {
                    problems.Add($"Area '{area?.Code}': each area needs a code and a name, and a code appears once.");
                }
            }
        }

        problems.AddRange(CheckPublication(definition.Publication));
        CheckDisclosure(definition, problems);
        return problems;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DatasetId();

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricId();

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    /// <summary>Words in lower case (letters, digits, hyphens, apostrophes), single spaces, 1 to 80 characters.</summary>
    [GeneratedRegex("^(?=.{1,80}$)[a-z0-9'-]+( [a-z0-9'-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();
}
