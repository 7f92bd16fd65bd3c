using System.Globalization;
using CsCheck;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Returns;
using static Pipeline.Core.Tests.Properties.Hundredths;

namespace Pipeline.Core.Tests.Properties;

/// <summary>The comparison's total is the sum of its areas, for any number of areas, quarters and counts.</summary>
public class TotalProperties
{
    private static readonly DateTimeOffset ComputedAt = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
    private static readonly Period Calendar2024 = new(YearBasis.Calendar, 2024);

    /// <summary>One area's figures in one quarter, or its absence from that quarter's return.</summary>
    private static readonly Gen<(bool Present, long Offences, long Knife, long Outcomes)> Cell =
        Gen.Select(Gen.Int[0, 9], Counts.UpToMaximum, Counts.UpToMaximum)
            .SelectMany((presence, offences, outcomes) => Gen.Long[0, offences].Select(knife => (presence > 0, offences, knife, outcomes)));

    /// <summary>1..50 areas over the first 1..4 quarters of 2023 and of 2024; cells run area by area, 2023 then 2024.</summary>
    private static readonly Gen<(int Areas, int Positions, (bool Present, long Offences, long Knife, long Outcomes)[] Cells)> Returns =
        Gen.Select(Gen.Int[1, 50], Gen.Int[1, 4])
            .SelectMany((areas, positions) => Cell.Array[areas * positions * 2].Select(cells => (areas, positions, cells)));

    [Fact]
    public void The_total_current_previous_and_change_are_the_sums_over_the_areas()
    {
        Returns.Sample((areaCount, positions, cells) =>
        {
            var accepted = Accepted(areaCount, positions, cells);

            var document = ComparisonCalculator.ComputeAll(Pipeline.Core.Datasets.DatasetRegistry.BuiltIn.Default, accepted, [], ComputedAt).Single(d => d.Period == Calendar2024);

            var total = document.Total;
            var areas = document.Areas;
            AssertSums(total.Offences, areas.Select(a => a.Offences));
            AssertSums(total.KnifeOffences, areas.Select(a => a.KnifeOffences));
            AssertSums(total.PositiveOutcomes, areas.Select(a => a.PositiveOutcomes));

            // And the sums are the generated figures', with the total's figures computed from them, never from the areas'.
            var current = cells.Where((_, i) => i / positions % 2 == 1 && cells[i].Present).ToList();
            var previous = cells.Where((_, i) => i / positions % 2 == 0 && cells[i].Present).ToList();
            Assert.Equal(current.Sum(c => c.Offences), total.Offences.Current);
            Assert.Equal(previous.Sum(c => c.Offences), total.Offences.Previous);
            Assert.Equal(current.Sum(c => c.Knife), total.KnifeOffences.Current);
            Assert.Equal(previous.Sum(c => c.Knife), total.KnifeOffences.Previous);
            Assert.Equal(current.Sum(c => c.Outcomes), total.PositiveOutcomes.Current);
            Assert.Equal(previous.Sum(c => c.Outcomes), total.PositiveOutcomes.Previous);
            foreach (var metric in areas.Select(a => (a.Offences, a.KnifeOffences, a.PositiveOutcomes, a.PositiveOutcomeRate))
                .Append((total.Offences, total.KnifeOffences, total.PositiveOutcomes, total.PositiveOutcomeRate)))
            {
                AssertRounded(metric.Offences, metric.KnifeOffences, metric.PositiveOutcomes, metric.PositiveOutcomeRate);
            }
        }, iter: 1_000);
    }

    private static List<AcceptedQuarter> Accepted(int areaCount, int positions, (bool Present, long Offences, long Knife, long Outcomes)[] cells)
    {
        var accepted = new List<AcceptedQuarter>();
        foreach (var year in (int[])[2023, 2024])
        {
            for (var position = 1; position <= positions; position++)
            {
                var quarter = new Quarter(year, position);
                var figures = new List<AreaFigures>();
                for (var area = 0; area < areaCount; area++)
                {
                    // Cells for an area: its 2023 quarters, then its 2024 quarters.
                    var cell = cells[(area * positions * 2) + ((year - 2023) * positions) + position - 1];
                    if (cell.Present)
                    {
                        var code = string.Create(CultureInfo.InvariantCulture, $"E{area:D8}");
                        figures.Add(new AreaFigures(code, $"Area {code}", cell.Offences, cell.Knife, cell.Outcomes));
                    }
                }

                var uploaded = new DateTimeOffset(quarter.LastDay.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero);
                accepted.Add(new AcceptedQuarter(quarter, $"returns/{quarter}.csv", new string('0', 64), uploaded, uploaded, figures));
            }
        }

        return accepted;
    }

    private static void AssertSums(CountMetric total, IEnumerable<CountMetric> areas)
    {
        var list = areas.ToList();
        Assert.Equal(list.Sum(a => a.Current), total.Current);
        Assert.Equal(list.Sum(a => a.Previous), total.Previous);
        Assert.Equal(list.Sum(a => a.Change), total.Change);
    }

    private static void AssertRounded(CountMetric offences, CountMetric knife, CountMetric outcomes, RateMetric rate)
    {
        foreach (var count in (CountMetric[])[offences, knife, outcomes])
        {
            Assert.Equal(count.Current - count.Previous, count.Change);
            Assert.Equal(PercentText(count.Change, count.Previous), Text(count.ChangePercent));
        }

        Assert.Equal(PercentText(outcomes.Current, offences.Current), Text(rate.Current));
        Assert.Equal(PercentText(outcomes.Previous, offences.Previous), Text(rate.Previous));
        Assert.Equal(ChangePointsText(outcomes.Current, offences.Current, outcomes.Previous, offences.Previous), Text(rate.ChangePoints));
    }
}
