using System.Diagnostics;
using System.Globalization;
using Pipeline.Core.Validation;

namespace Pipeline.Benchmarks;

/// <summary>
/// <c>Pipeline.Benchmarks memory [MiB] [national|seven]</c>: the peak working set of validating a return streamed from
/// disk, above the process's working set just before. Run it in a fresh process (scripts/bench.sh does) so nothing else
/// has touched the heap. The file is written first, row by row. <c>national</c> (the default) is the benchmark's file:
/// valid, one row per configured area, so the validator keeps every row (they become the accepted figures) and one
/// entry per area seen; the areas themselves are built before the baseline, being configuration the app holds anyway.
/// <c>seven</c> repeats the seven default areas: every later row is a duplicate-area error, so nothing is kept and what
/// remains is the cost of streaming the file itself.
/// </summary>
internal static class MemoryMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mebibytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var national = args.Length < 2 || args[1] == "national";
        var maxBytes = mebibytes * 1024L * 1024L;
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-bench-{Environment.ProcessId}-2024-Q3.csv");
        try
        {
            int rows;
            await using (var file = File.Create(path))
            {
                rows = NationalData.WriteReturn(file, maxBytes, national ? null : ValidationOptions.WestMidlands);
            }

            var options = new ValidationOptions { Areas = national ? [.. NationalData.Areas(rows)] : null, MaxFileBytes = maxBytes };
            var validator = new ReturnValidator(options, TimeProvider.System);

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var peakReset = ResetPeak();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var baseline = process.WorkingSet64;
            var peakBefore = process.PeakWorkingSet64;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var timer = Stopwatch.StartNew();

            ValidationResult result;
            await using (var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true))
            {
                result = await validator.ValidateAsync(content, "returns/2024-Q3.csv", content.Length);
            }

            timer.Stop();
            process.Refresh();
            var peak = process.PeakWorkingSet64;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            if (result.Report.Valid != national || result.Report.Rows != rows)
            {
                await Console.Error.WriteLineAsync($"The generated return should have {rows} rows and be {(national ? "valid" : "invalid")}: {ValidationReportJson.Serialize(result.Report)}");
                return 1;
            }

            var length = new FileInfo(path).Length;
            var shape = national ? $"{rows:N0} configured areas, valid" : "the 7 default areas repeated, rejected";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Validated {length:N0} bytes ({rows:N0} rows; {shape}) from disk in {timer.Elapsed.TotalMilliseconds:N0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  working set before: {Mib(baseline)}; peak during: {Mib(peak)}{(peakReset ? string.Empty : $" (peak could not be reset; it was {Mib(peakBefore)} before)")}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  allocated while validating: {Mib(allocated)}; GC heap after: {Mib(GC.GetTotalMemory(forceFullCollection: false))}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT memory {mebibytes} MiB {(national ? "national" : "seven-area")} return: peak working set {Mib(peak - baseline)} above the baseline (target < 64 MiB)"));
            GC.KeepAlive(result);
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Linux keeps the peak resident set (VmHWM, what <see cref="Process.PeakWorkingSet64"/> reads) for the process's
    /// life; writing 5 to /proc/self/clear_refs resets it to the current resident set, so the peak seen afterwards is the
    /// validation's, not the file generation's.
    /// </summary>
    internal static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):N1} MiB");
}
