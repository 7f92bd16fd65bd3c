using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Tests.Comparisons;

namespace Pipeline.Core.Tests.Docs;

/// <summary>The figures docs/method.md quotes are the figures the code computes.</summary>
public class MethodDocTests
{
    private static readonly string Method = File.ReadAllText(RepositoryRoot.Combine("docs", "method.md"));

    [Fact]
    public void The_worked_example_is_the_calendar_and_rolling_comparison_of_the_samples()
    {
        var documents = ComparisonCalculator.ComputeAll(DatasetRegistry.BuiltIn.Default, SeedData.Quarters, SeedData.Areas, DateTimeOffset.UnixEpoch);
        var calendar = documents.Single(d => d.Period == new Period(YearBasis.Calendar, 2024));
        var rolling = documents.Single(d => d.Basis == YearBasis.Rolling);

        Assert.Equal(calendar.Total, rolling.Total);
        var total = calendar.Total;
        Assert.Contains($"**{Signed(total.Offences.ChangePercent)}%**", Method, StringComparison.Ordinal);
        Assert.Contains($"**{Signed(total.KnifeOffences.ChangePercent)}%**", Method, StringComparison.Ordinal);
        Assert.Contains($"**{Signed(total.PositiveOutcomes.ChangePercent)}%**", Method, StringComparison.Ordinal);
        Assert.Contains($"**{Text(total.PositiveOutcomeRate.Previous)}%**", Method, StringComparison.Ordinal);
        Assert.Contains($"**{Text(total.PositiveOutcomeRate.Current)}%**", Method, StringComparison.Ordinal);
        Assert.Contains($"**{Signed(total.PositiveOutcomeRate.ChangePoints)} points**", Method, StringComparison.Ordinal);
        Assert.Equal("+2.52", Signed(total.PositiveOutcomeRate.ChangePoints));
    }

    [Fact]
    public void The_rounding_example_is_what_the_rate_metric_computes()
    {
        var rate = RateMetric.Compute(currentOutcomes: 3031, currentOffences: 25000, previousOutcomes: 81, previousOffences: 800);

        Assert.Equal((12.12m, 10.13m, 2.00m), (rate.Current, rate.Previous, rate.ChangePoints));
        Assert.Contains("A rate of 10.125% (81 of 800)\n  is shown as 10.13 and one of 12.124% (3,031 of 25,000) as 12.12; the change is 1.999 points, shown as +2.00", Method, StringComparison.Ordinal);
    }

    [Fact]
    public void The_small_numbers_example_is_solihulls_knife_offences_in_the_samples()
    {
        var solihull = ComparisonCalculator.ComputeAll(DatasetRegistry.BuiltIn.Default, Samples(), SeedData.Areas, DateTimeOffset.UnixEpoch)
            .Single(d => d.Period == new Period(YearBasis.Calendar, 2024)).Areas.Single(a => a.Name == "Solihull");

        Assert.Equal((19L, 17L, -10.53m), (solihull.KnifeOffences.Previous, solihull.KnifeOffences.Current, solihull.KnifeOffences.ChangePercent));
        Assert.Contains("Solihull's knife offences falling from 19 to 17 (-10.53%)", Method, StringComparison.Ordinal);
    }

    /// <summary>The repository's sample returns as accepted quarters (SeedData spreads the same totals differently over areas).</summary>
    private static List<Returns.AcceptedQuarter> Samples() =>
        [.. Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal).Select(path =>
        {
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Skip(1).Select(l => l.Split(',')).ToList();
            var builder = AcceptedQuarterBuilder.ForQuarter(lines[0][0]);
            foreach (var row in lines)
            {
                builder.WithArea(row[1], row[2], Number(row[3]), Number(row[4]), Number(row[5]));
            }

            return builder.Build();
        })];

    private static long Number(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    private static string Text(decimal? value) => value!.Value.ToString(CultureInfo.InvariantCulture);

    private static string Signed(decimal? value) => value > 0 ? "+" + Text(value) : Text(value);
}
