using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;
using Pipeline.Core.Summaries;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RecalculationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Recalculating_the_samples_gives_the_published_2024_figures()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();

        var result = await app.Get<RecalculationService>().RecalculateAsync(force: true);

        Assert.True(result.Recomputed);
        Assert.Equal(8, result.Quarters);
        var summary = await Read(app, YearBasis.Calendar, null);
        Assert.Equal("2024", summary.Period.ToString());
        Assert.Equal(ComparisonStatus.Complete, summary.Status);
        Assert.Equal((6621L, 7675L, -1054L, -13.73m), Count(summary.Total.Metrics.Get("offences").Count!));
        Assert.Equal((328L, 370L, -42L, -11.35m), Count(summary.Total.Metrics.Get("knifeOffences").Count!));
        Assert.Equal((858L, 801L, 57L, 7.12m), Count(summary.Total.Metrics.Get("positiveOutcomes").Count!));
        Assert.Equal((12.96m, 10.44m, 2.52m), Rate(summary.Total.Metrics.Get("positiveOutcomeRate").Rate!));
        Assert.Equal(7, summary.Areas.Count);
        Assert.Equal(8, summary.Sources.Count);
        Assert.Equal(PipelineHarness.Today, summary.ComputedAt);
    }

    [Fact]
    public async Task Financial_years_are_compared_across_calendar_years_and_year_to_date()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        await app.Get<RecalculationService>().RecalculateAsync(force: true);

        // 2024/25 has 2024-Q2..Q4 accepted (2025-Q1 not yet); 2023/24 has all four: three positions compare.
        var latest = await Read(app, YearBasis.Financial, null);
        Assert.Equal("2024/25", latest.Period.ToString());
        Assert.Equal(ComparisonStatus.YearToDate, latest.Status);
        Assert.Equal(["2024-Q2", "2024-Q3", "2024-Q4"], latest.Quarters.Select(q => q.ToString()));
        Assert.Equal(
            ["2023-Q2", "2023-Q3", "2023-Q4", "2024-Q2", "2024-Q3", "2024-Q4"],
            latest.Sources.Select(s => s.Quarter.ToString()));

        // 2023/24 against 2022/23, of which only 2023-Q1 is accepted: one position, Q1 (January to March).
        Assert.True(Period.TryParse(YearBasis.Financial, "2023/24", out var earlier));
        var first = await Read(app, YearBasis.Financial, earlier);
        Assert.Equal(["2024-Q1"], first.Quarters.Select(q => q.ToString()));
    }

    [Fact]
    public async Task The_scheduled_run_does_nothing_when_nothing_was_accepted_since_the_last()
    {
        var counter = new RequestCounter();
        using var app = PipelineHarness.Create(azurite, counter);
        await app.IngestSamplesAsync();
        var recalculation = app.Get<RecalculationService>();
        Assert.True((await recalculation.RecalculateAsync(force: false)).Recomputed);
        var before = await Read(app, YearBasis.Calendar, null);

        counter.Reset();
        app.Clock.Advance(TimeSpan.FromDays(1));
        var again = await recalculation.RecalculateAsync(force: false);

        Assert.False(again.Recomputed);
        Assert.Equal(2, counter.Count); // The check: one query of the accepted quarters, one read of the last run's fingerprint.
        Assert.Equal(before.ComputedAt, (await Read(app, YearBasis.Calendar, null)).ComputedAt);
    }

    [Fact]
    public async Task A_correction_accepted_after_a_recalc_changes_the_next_one()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestSamplesAsync();
        var recalculation = app.Get<RecalculationService>();
        await recalculation.RecalculateAsync(force: false);

        var corrected = ReturnFiles.Valid("2024-Q4", offencesBase: 1000);
        await app.UploadAsync("corrections/2024-Q4.csv", corrected);
        Assert.Equal(UploadStatus.Accepted, (await app.Get<Core.Ingestion.UploadProcessor>().ProcessAsync("corrections/2024-Q4.csv"))!.Status);
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await recalculation.RecalculateAsync(force: false)).Recomputed);

        var summary = await Read(app, YearBasis.Calendar, null);
        var samples2024Q4 = await SampleOffencesAsync("2024-Q4.csv");
        Assert.Equal(6621 - samples2024Q4 + ReturnFiles.OffencesTotal(1000), summary.Total.Metrics.Get("offences").Count!.Current);
        Assert.Contains(summary.Sources, s => s.File == "corrections/2024-Q4.csv");
        Assert.Equal(PipelineHarness.Today.AddHours(1), summary.ComputedAt);
    }

    [Fact]
    public async Task Requests_grow_with_quarters_and_periods_not_rows()
    {
        var warm = new List<int>();
        var cold = new List<int>();
        foreach (var years in new[] { 1, 5, 10 })
        {
            var counter = new RequestCounter();
            using var app = PipelineHarness.Create(azurite, counter);
            var processor = app.Get<Core.Ingestion.UploadProcessor>();
            for (var year = 2015; year < 2015 + years; year++)
            {
                for (var q = 1; q <= 4; q++)
                {
                    var name = $"{year}-Q{q}.csv";
                    await app.UploadAsync(name, ReturnFiles.Valid($"{year}-Q{q}", 100 + year - 2000 + q));
                    await processor.ProcessAsync(name);
                }
            }

            await app.Get<RecalculationService>().RecalculateAsync(force: true); // First use creates the table.
            counter.Reset();
            await app.Get<RecalculationService>().RecalculateAsync(force: true);
            warm.Add(counter.Count);

            using var other = PipelineHarness.Over(azurite, app.Settings, counter); // Another instance: nothing in memory.
            counter.Reset();
            await other.Get<RecalculationService>().RecalculateAsync(force: true);
            cold.Add(counter.Count);
        }

        // On the instance that accepted the figures (they are in its memory): 1 query of the index of accepted
        // figures; per basis with comparisons, 1 query of its index, 1 transaction switching it and 1 listing of its
        // blobs for the clean-up; the series: 1 read of its index entity, which on this second run holds the same
        // SHA-256, so nothing is written; 1 state write. 1 year: no comparison (no previous year, and no rolling year
        // without eight quarters): 1 + 1 + 1. 5 and 10 years: 1 + 3 bases x 3 + 1 + 1 (17 and 37 rolling periods still
        // fit one transaction). The figures' size (areas) never enters the count, and documents whose inputs are
        // unchanged are kept.
        Assert.Equal([3, 12, 12], warm);

        // On another instance, plus 1 read of each quarter's figures (4 a year).
        Assert.Equal([3 + 4, 12 + 20, 12 + 40], cold);
    }

    private static async Task<SummaryDocument> Read(PipelineHarness app, YearBasis basis, Period? period)
    {
        var stored = await app.Get<IComparisonStore>().GetAsync("serious-youth-violence", basis, period);
        Assert.NotNull(stored);
        return SummaryJson.Deserialize(stored.Json);
    }

    private static async Task<long> SampleOffencesAsync(string file)
    {
        var lines = await File.ReadAllLinesAsync(RepositoryRoot.Combine("samples", file));
        return lines.Skip(1).Where(l => l.Length > 0).Sum(l => long.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (long, long, long, decimal?) Count(CountMetric m) => (m.Current, m.Previous, m.Change, m.ChangePercent);

    private static (decimal?, decimal?, decimal?) Rate(RateMetric m) => (m.Current, m.Previous, m.ChangePoints);
}
