using Pipeline.Core.Returns;

namespace Pipeline.Core.Tests.Comparisons;

/// <summary>
/// The contract's seed figures (2023: 7,675 offences, 370 with a knife, 801 positive outcomes; 2024: 6,621, 328 and 858)
/// spread unevenly over the seven West Midlands areas and the eight quarters 2023-Q1..2024-Q4.
/// </summary>
internal static class SeedData
{
    public static IReadOnlyList<Area> Areas { get; } =
    [
        new("E08000025", "Birmingham"),
        new("E08000026", "Coventry"),
        new("E08000027", "Dudley"),
        new("E08000028", "Sandwell"),
        new("E08000029", "Solihull"),
        new("E08000030", "Walsall"),
        new("E08000031", "Wolverhampton"),
    ];

    public static IReadOnlyList<AcceptedQuarter> Quarters { get; } = Build();

    private static List<AcceptedQuarter> Build()
    {
        var quarters = new List<AcceptedQuarter>();
        foreach (var (year, offences, knife, outcomes) in new[] { (2023, 7675L, 370L, 801L), (2024, 6621L, 328L, 858L) })
        {
            var offenceCells = Spread(offences);
            var knifeCells = Spread(knife);
            var outcomeCells = Spread(outcomes);
            for (var number = 1; number <= 4; number++)
            {
                var builder = AcceptedQuarterBuilder.ForQuarter($"{year}-Q{number}");
                for (var a = 0; a < Areas.Count; a++)
                {
                    var cell = ((number - 1) * Areas.Count) + a;
                    builder.WithArea(Areas[a].Code, Areas[a].Name, offenceCells[cell], knifeCells[cell], outcomeCells[cell]);
                }

                quarters.Add(builder.Build());
            }
        }

        return quarters;
    }

    /// <summary>Splits a total over 28 cells (4 quarters x 7 areas) unevenly, so areas differ, summing exactly to it.</summary>
    private static long[] Spread(long total)
    {
        int[] weights = [9, 3, 4, 5, 2, 4, 4, 8, 3, 3, 5, 2, 4, 5, 10, 3, 4, 6, 2, 3, 4, 9, 4, 4, 5, 2, 4, 3];
        var weightSum = weights.Sum();
        var cells = weights.Select(w => total * w / weightSum).ToArray();
        cells[0] += total - cells.Sum();
        return cells;
    }
}
