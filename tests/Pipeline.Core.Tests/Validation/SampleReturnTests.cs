using static Pipeline.Core.Tests.Validation.Validate;

namespace Pipeline.Core.Tests.Validation;

/// <summary>The samples the demo ingests (copied from samples/ into the test output) against the contract's figures.</summary>
public sealed class SampleReturnTests
{
    private static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "samples");

    public static TheoryData<string> SampleNames =>
        [.. new[] { "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4" }];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Every_sample_is_a_clean_return_for_the_quarter_it_is_named_after(string quarter)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(SamplesDirectory, $"{quarter}.csv"));

        var result = await BytesAsync(bytes, $"samples/{quarter}.csv");

        Assert.True(result.Report.Valid, string.Join(Environment.NewLine, result.Report.Errors.Select(e => e.Message)));
        Assert.Empty(result.Report.Warnings);
        Assert.Equal(quarter, result.Report.Quarter);
        Assert.Equal(7, result.Report.Rows);

        // Plausible: Birmingham the largest, Solihull the smallest.
        var areas = result.Return!.Areas;
        Assert.Equal("Birmingham", areas.MaxBy(a => a.Offences)!.AreaName);
        Assert.Equal("Solihull", areas.MinBy(a => a.Offences)!.AreaName);
    }

    [Theory]
    [InlineData(2023, 7675, 370, 801)]
    [InlineData(2024, 6621, 328, 858)]
    public async Task The_samples_of_a_year_add_up_to_the_contracts_seed_figures(int year, long offences, long knifeOffences, long positiveOutcomes)
    {
        var figures = new List<Returns.AreaFigures>();
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(SamplesDirectory, $"{year}-Q{quarter}.csv"));
            figures.AddRange((await BytesAsync(bytes, $"{year}-Q{quarter}.csv")).Return!.Areas);
        }

        Assert.Equal(
            (offences, knifeOffences, positiveOutcomes),
            (figures.Sum(f => f.Offences), figures.Sum(f => f.KnifeOffences), figures.Sum(f => f.PositiveOutcomes)));
    }
}
