using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Benchmarks;

/// <summary>
/// <c>Pipeline.Benchmarks throughput [runs]</c>: the in-process ratios of <see cref="ValidatorBenchmarks"/> measured so
/// that other work on the machine moves them less: each benchmark's CPU time (this process's, every thread), its runs
/// interleaved with the others', the minimum of <c>runs</c> kept. BenchmarkDotNet's wall-clock means moved by 20-50%
/// between runs on a shared 2-core machine; the CPU time a run needs does not depend on how long it waited for a core.
/// </summary>
internal static class ThroughputMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var benchmarks = new ValidatorBenchmarks();
        benchmarks.Setup();
        var cases = new (string Name, Func<Task> Run)[]
        {
            ("Bare CsvHelper read", () => benchmarks.BareCsvHelperRead()),
            ("Sep read + SHA-256 + strict UTF-8 (the limit)", () => Task.FromResult(benchmarks.SepReadAndHash())),
            ("ReturnValidator, national (264,197 rows kept)", () => benchmarks.Validate()),
            ("ReturnValidator, 7 areas repeated (rejected)", () => benchmarks.ValidateSevenAreaFile()),
        };
        var best = cases.Select(_ => double.MaxValue).ToArray();
        for (var run = 0; run < runs + 3; run++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                await cases[i].Run();
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
                if (run >= 3)
                {
                    best[i] = Math.Min(best[i], cpu); // the first three rounds warm up (tiered JIT)
                }
            }
        }

        foreach (var (name, i) in cases.Select((c, i) => (c.Name, i)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT throughput, {name}: {best[i]:N1} ms CPU (min of {runs}), throughput ÷ bare read {best[0] / best[i]:N2}"));
        }

        return 0;
    }
}
