using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Disclosure;

/// <summary>
/// Every count a dataset publishes, as sums of its accepted cells (a quarter, an area, a field): each cell itself, and
/// for every set of quarters the summaries compare (a calendar, financial, rolling or year-to-date period, current or
/// previous) each area's sum over it; and for a single quarter or a set, the sum over every area (the total). A set of
/// quarters is one figure however many periods name it (a complete calendar year is also a rolling year), so the same
/// figure is always withheld or published alike. Index <c>s</c> below <see cref="Quarters"/> is the single quarter
/// <c>s</c>; area index <see cref="AreaCount"/> is the total.
/// </summary>
internal sealed class FigureTable
{
    private readonly Dictionary<string, int> _setByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _areaIndex = new(StringComparer.Ordinal);

    public FigureTable(DatasetDefinition dataset, IReadOnlyList<AcceptedQuarter> accepted)
    {
        Dataset = dataset;
        Quarters = [.. accepted.Select(q => q.Quarter).Distinct().Order()];
        Codes = [.. accepted.SelectMany(q => q.Areas).Select(a => a.AreaCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        for (var a = 0; a < Codes.Length; a++)
        {
            _areaIndex[Codes[a]] = a;
        }

        var quarterIndex = Quarters.Select((q, i) => (q, i)).ToDictionary(p => p.q, p => p.i);
        Sets = [.. Quarters.Select((_, i) => new[] { i })];
        for (var i = 0; i < Quarters.Length; i++)
        {
            _setByKey[Key([i])] = i;
        }

        foreach (var basis in YearBasisNames.All)
        {
            foreach (var (period, _) in ComparablePeriods.Of(basis, Quarters))
            {
                var positions = ComparablePeriods.Positions(period, quarterIndex.ContainsKey);
                AddSet([.. positions.Select(p => quarterIndex[period.QuarterAt(p)])]);
                AddSet([.. positions.Select(p => quarterIndex[period.Previous.QuarterAt(p)])]);
            }
        }

        Containing = [.. Quarters.Select((_, q) => Enumerable.Range(Quarters.Length, Sets.Count - Quarters.Length).Where(s => Sets[s].Contains(q)).ToArray())];
        var fields = dataset.Fields.Count;
        Present = new bool[Quarters.Length, Codes.Length];
        Values = new long[fields][][];
        for (var f = 0; f < fields; f++)
        {
            Values[f] = new long[Sets.Count][];
            for (var s = 0; s < Sets.Count; s++)
            {
                Values[f][s] = new long[Codes.Length + 1];
            }
        }

        foreach (var quarter in accepted)
        {
            var q = quarterIndex[quarter.Quarter];
            foreach (var area in quarter.Areas)
            {
                var a = _areaIndex[area.AreaCode];
                Present[q, a] = true;
                for (var f = 0; f < fields; f++)
                {
                    Values[f][q][a] = area.Counts[f];
                }
            }
        }

        for (var f = 0; f < fields; f++)
        {
            for (var s = 0; s < Sets.Count; s++)
            {
                var sums = Values[f][s];
                foreach (var q in s < Quarters.Length ? Array.Empty<int>() : Sets[s])
                {
                    for (var a = 0; a < Codes.Length; a++)
                    {
                        sums[a] = checked(sums[a] + Values[f][q][a]);
                    }
                }

                sums[Codes.Length] = 0;
                for (var a = 0; a < Codes.Length; a++)
                {
                    sums[Codes.Length] = checked(sums[Codes.Length] + sums[a]);
                }
            }
        }
    }

    public DatasetDefinition Dataset { get; }

    /// <summary>The accepted quarters, oldest first.</summary>
    public Quarter[] Quarters { get; }

    /// <summary>Every area with a figure, by code (ordinal).</summary>
    public string[] Codes { get; }

    public int AreaCount => Codes.Length;

    /// <summary>The sets of quarter indices: the single quarters first, then each set the summaries sum over.</summary>
    public List<int[]> Sets { get; }

    /// <summary>For each quarter, the sets (beyond itself) that hold it.</summary>
    public int[][] Containing { get; }

    /// <summary>Whether an area has a return in a quarter.</summary>
    public bool[,] Present { get; }

    /// <summary>[field][set][area or total]: the figure's exact value.</summary>
    public long[][][] Values { get; }

    /// <summary>The index of the set holding exactly <paramref name="quarters"/>; -1 when nothing publishes it.</summary>
    public int SetOf(IEnumerable<Quarter> quarters)
    {
        var indices = new List<int>();
        foreach (var quarter in quarters)
        {
            var i = Array.BinarySearch(Quarters, quarter);
            if (i < 0)
            {
                return -1;
            }

            indices.Add(i);
        }

        indices.Sort();
        return _setByKey.TryGetValue(Key(indices), out var s) ? s : -1;
    }

    /// <summary>The index of an area's code, <see cref="AreaCount"/> for null (the total), -1 when unknown.</summary>
    public int AreaOf(string? code) => code is null ? AreaCount : _areaIndex.TryGetValue(code, out var a) ? a : -1;

    private void AddSet(int[] quarters)
    {
        if (quarters.Length > 1 && _setByKey.TryAdd(Key(quarters), Sets.Count))
        {
            Sets.Add(quarters);
        }
    }

    private static string Key(IEnumerable<int> quarters) => string.Join(',', quarters);
}
