using System.Collections.Immutable;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Series;

/// <summary>The series document as a pure function of one dataset's accepted quarters, as the comparisons are.</summary>
public static class SeriesCalculator
{
    /// <param name="dataset">Whose fields the quarters' counts follow.</param>
    /// <param name="accepted">The dataset's accepted quarters, in any order; at most one per quarter.</param>
    /// <param name="configuredAreas">Their names win over the names the returns carry, as in the summary.</param>
    public static SeriesDocument Compute(DatasetDefinition dataset, IReadOnlyList<AcceptedQuarter> accepted, IReadOnlyList<Area> configuredAreas)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(configuredAreas);
        var names = configuredAreas.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        var fields = dataset.Fields.Count;
        var quarters = new List<SeriesQuarter>(accepted.Count);
        foreach (var quarter in accepted.OrderBy(q => q.Quarter))
        {
            if (quarters.Count > 0 && quarters[^1].Quarter == quarter.Quarter)
            {
                throw new ArgumentException($"Quarter {quarter.Quarter} is accepted more than once.", nameof(accepted));
            }

            var total = new long[fields];
            var areas = new List<AreaFigures>(quarter.Areas.Count);
            foreach (var figures in quarter.Areas.OrderBy(a => a.AreaCode, StringComparer.Ordinal))
            {
                if (figures.Counts.Length != fields)
                {
                    throw new ArgumentException($"Quarter {quarter.Quarter} has {figures.Counts.Length} counts for area {figures.AreaCode}; its dataset has {fields} fields.", nameof(accepted));
                }

                for (var i = 0; i < fields; i++)
                {
                    total[i] = checked(total[i] + figures.Counts[i]);
                }

                var name = names.TryGetValue(figures.AreaCode, out var configured) ? configured : figures.AreaName;
                areas.Add(new AreaFigures(figures.AreaCode, name, figures.Counts));
            }

            quarters.Add(new SeriesQuarter(quarter.Quarter, ImmutableArray.Create(total), areas));
        }

        return new SeriesDocument(dataset.Id, [.. dataset.Fields.Select(f => f.Name)], quarters);
    }
}
