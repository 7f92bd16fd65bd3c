using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Benchmarks;

/// <summary>
/// <c>Pipeline.Benchmarks pages [runs] name=url...</c>: the time from sending <c>GET</c> to having the whole body, and the
/// body's bytes, for each url, against servers already running (scripts/bench.sh pages starts them). Runs are paired:
/// each run asks every url once, in an order that rotates from run to run, so a slower moment of a shared machine
/// falls on all of them alike. One keep-alive connection per url; 50 untimed warm-up runs first (JIT, connections,
/// and the servers' caches). Prints the median and p95 of each, and for a target named NAME-KIND with a twin named
/// baseline-KIND, the median of the runs' ratios of the two.
/// </summary>
internal static class PagesMode
{
    private const int WarmUpRuns = 50;

    /// <summary>The name a target's twin starts with: this-cached is paired with baseline-cached.</summary>
    private const string Baseline = "baseline";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 200;
        var targets = args.SkipWhile(a => !a.Contains('=', StringComparison.Ordinal))
            .Select(a => (Name: a[..a.IndexOf('=', StringComparison.Ordinal)], Url: new Uri(a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..])))
            .ToList();
        if (targets.Count == 0)
        {
            await Console.Error.WriteLineAsync("Usage: pages [runs] name=url [name=url...]");
            return 2;
        }

        var clients = targets.Select(_ => new HttpClient()).ToList();
        try
        {
            var bytes = new long[targets.Count];
            var timings = targets.Select(_ => new List<double>()).ToList();
            for (var run = -WarmUpRuns; run < runs; run++)
            {
                for (var k = 0; k < targets.Count; k++)
                {
                    var i = (k + Math.Abs(run)) % targets.Count;
                    var timer = Stopwatch.StartNew();
                    using var response = await clients[i].GetAsync(targets[i].Url, HttpCompletionOption.ResponseContentRead);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var elapsed = timer.Elapsed.TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                    {
                        await Console.Error.WriteLineAsync($"{targets[i].Name}: {targets[i].Url} answered {(int)response.StatusCode}.");
                        return 1;
                    }

                    bytes[i] = body.Length;
                    if (run >= 0)
                    {
                        timings[i].Add(elapsed);
                    }
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET, {runs} paired runs after {WarmUpRuns} warm-up runs (ms from request to whole body)"));
            for (var i = 0; i < targets.Count; i++)
            {
                // this-cached is compared with baseline-cached, run by run.
                var kind = targets[i].Name.IndexOf('-', StringComparison.Ordinal);
                var twin = kind < 0 ? -1 : targets.FindIndex(t => t.Name == Baseline + targets[i].Name[kind..]);
                var ratio = twin < 0 || twin == i ? string.Empty
                    : string.Create(CultureInfo.InvariantCulture, $", {Median([.. timings[i].Zip(timings[twin], (t, b) => t / b)]):N2} x {targets[twin].Name} (median of the runs' ratios)");
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"RESULT pages {targets[i].Name}: {bytes[i]:N0} bytes, median {Median(timings[i]):N3} ms, p95 {Percentile(timings[i], 95):N3} ms{ratio}"));
            }

            return 0;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static double Median(List<double> values) => Percentile(values, 50);

    /// <summary>Nearest rank.</summary>
    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
