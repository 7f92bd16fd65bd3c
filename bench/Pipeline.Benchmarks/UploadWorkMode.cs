using System.Diagnostics;
using System.Globalization;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Returns;
using Pipeline.Testing;

namespace Pipeline.Benchmarks;

/// <summary>
/// <c>Pipeline.Benchmarks upload [runs]</c>: the function's work for one upload
/// (<see cref="UploadProcessor.ProcessAsync(string, string, string, CancellationToken)"/>: read and validate, accept, copy,
/// ledger, delete; uploaded and processed as <c>pipeline ingest</c> does, which makes the requests the blob trigger makes
/// for a file dropped into uploads: its sender is known, so none is looked up) on Azurite, for returns
/// of 7, 350 and 10,000 rows, each against as many configured areas. What is measured is this process's CPU time (every
/// thread: the app, the Azure SDK's requests, the collector) and the bytes it allocated, for one processing; Azurite runs
/// in its own process, so the storage's own work and the waits for it are not counted (wall time is printed beside).
/// Each run uploads new figures under the same name, a partner's correction (11 storage requests, 9 of them the processing
/// measured); one warm-up run first.
/// </summary>
internal static class UploadWorkMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            foreach (var rows in new[] { 7, 350, 10_000 })
            {
                await MeasureAsync(azurite, rows, runs);
            }

            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task MeasureAsync(AzuriteFixture azurite, int rows, int runs)
    {
        var areas = rows == 7 ? null : NationalData.Areas(rows);
        var extra = new Dictionary<string, string?>();
        for (var i = 0; i < (areas?.Length ?? 0); i++)
        {
            extra[$"Pipeline:Validation:Areas:{i}:Code"] = areas![i].Code;
            extra[$"Pipeline:Validation:Areas:{i}:Name"] = areas[i].Name;
        }

        using var app = PipelineHarness.Over(azurite, PipelineHarness.NewSettings(azurite, extra));
        var cpu = new List<double>();
        var allocated = new List<double>();
        var wall = new List<double>();
        long bytes = 0;
        for (var run = -1; run < runs; run++)
        {
            var content = Return(rows, areas, offencesBase: 2000 + run);
            bytes = content.Length;
            const string name = "returns/2024-Q3.csv";
            string? version;
            using (var stream = new MemoryStream(content, writable: false))
            {
                version = await app.Get<UploadProcessor>().TryCreateAsync(name, stream, UploadSenders.Cli);
            }

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var timer = Stopwatch.StartNew();
            var outcome = await app.Get<UploadProcessor>().ProcessAsync(name, version!, UploadSenders.Cli);
            timer.Stop();
            var allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            var cpuAfter = process.TotalProcessorTime;
            if (outcome?.Status is not (UploadStatus.Accepted or UploadStatus.Superseded or UploadStatus.Duplicate) || outcome.Report.Rows != rows)
            {
                throw new InvalidOperationException($"The {rows}-row upload was not accepted: {outcome?.Status}, {outcome?.Report.Rows} rows.");
            }

            if (run >= 0)
            {
                cpu.Add((cpuAfter - cpuBefore).TotalMilliseconds);
                allocated.Add((allocatedAfter - allocatedBefore) / 1e6);
                wall.Add(timer.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT upload work, {rows:N0} rows ({bytes:N0} bytes), median of {runs}: CPU {Median(cpu):N1} ms, allocated {Median(allocated):N2} MB, wall {Median(wall):N1} ms (storage waits included)"));
    }

    private static byte[] Return(int rows, Core.Area[]? areas, int offencesBase)
    {
        if (areas is null)
        {
            return ReturnFiles.Valid("2024-Q3", offencesBase);
        }

        var builder = ReturnBuilder.ForQuarter("2024-Q3").WithoutAreas();
        for (var i = 0; i < rows; i++)
        {
            builder.WithArea(areas[i].Code, areas[i].Name, offencesBase + (i % 900), i % 50, i % 90);
        }

        return builder.BuildBytes();
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
