using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;
using Pipeline.Testing;

namespace Pipeline.Benchmarks;

/// <summary>
/// <c>Pipeline.Benchmarks recalcprofile [areas] [years] [runs]</c>: where the time of a national first recalculation
/// goes. First, in this process and without storage, each stage of making every document as the recalculation makes
/// it now (plan, compute, serialise and cut as written, hash, compress and hash each piece) and the series, one stage at a
/// time on one thread. Then the whole first recalculation of a new deployment on Azurite, <c>runs</c> times: its wall
/// time beside the CPU time this process and Azurite's (node) spent, and the collector's pauses, so that the split
/// between making documents and storage's work is measured, not guessed.
/// </summary>
internal static class RecalcProfileMode
{
    /// <summary>Areas per summary piece, as <c>TableComparisonStore.AreasPerPiece</c> (internal to the store).</summary>
    private const int PerPiece = 350;

    public static async Task<int> RunAsync(string[] args)
    {
        var areas = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var years = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var national = new NationalDataset(areas);
            var settings = PipelineHarness.NewSettings(azurite, new Dictionary<string, string?> { ["Pipeline:Datasets:Path"] = national.WriteDefinition() });
            var counter = new RequestCounter();
            using var app = PipelineHarness.Over(azurite, settings, counter);
            foreach (var quarter in Enumerable.Range(2025 - years, years).SelectMany(y => Enumerable.Range(1, 4).Select(n => new Quarter(y, n))))
            {
                await ScaleMode.IngestAsync(app, $"national/{quarter}.csv", national.Return(quarter));
            }

            Console.WriteLine($"RESULT {areas:N0} areas x {years * 4} quarters, load {Load()}");
            await StagesAsync(app);
            await WholeAsync(azurite, app, settings, counter, runs);
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>Each stage of making the national dataset's documents, in memory, summed over every document.</summary>
    private static async Task StagesAsync(PipelineHarness app)
    {
        var recalc = app.Get<RecalculationService>();
        var dataset = app.Get<DatasetRegistry>().All.Single(d => d.Id == NationalDataset.Id);
        var records = (await app.Get<IAcceptedQuarterStore>().ListAsync()).Where(q => q.Dataset == dataset.Id).ToList();
        var figures = await recalc.ReadFiguresAsync(records, CancellationToken.None);
        var areas = recalc.AreasOf(dataset);
        var stages = new Dictionary<string, TimeSpan>();
        T Time<T>(string stage, Func<T> work)
        {
            var timer = Stopwatch.StartNew();
            var result = work();
            stages[stage] = stages.GetValueOrDefault(stage) + timer.Elapsed;
            return result;
        }

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var pauses = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var collections = Collections();
        var whole = Stopwatch.StartNew();
        var planned = Time("plan", () => ComparisonCalculator.Plan(dataset, figures, areas, app.Clock.GetUtcNow()));
        long jsonBytes = 0, gzBytes = 0, maxPiece = 0;
        var pieces = 0;
        foreach (var document in planned)
        {
            var computed = Time("compute comparisons", document.Compute);
            var cut = Time("serialise, cut as written (SummaryJson.Cut)", () => SummaryJson.Cut(computed, PerPiece));
            Time("hash document (SHA-256, a piece at a time)", () =>
            {
                using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                foreach (var part in cut.Pieces.Select(p => p.Content).Prepend(cut.Head).Append(cut.Tail))
                {
                    whole.AppendData(part);
                }

                return whole.GetHashAndReset();
            });
            var json = cut.Length;
            foreach (var piece in cut.Pieces)
            {
                var gz = Time("compress pieces (gzip Fastest)", () => Gzip(piece.Content, CompressionLevel.Fastest));
                Time("hash pieces (SHA-256, once)", () => DocumentBlobsSha(piece.Content));
                gzBytes += gz.Length;
                maxPiece = Math.Max(maxPiece, gz.Length);
                pieces++;
            }

            jsonBytes += json;
        }

        var series = Time("series: compute", () => SeriesCalculator.Compute(dataset, figures, areas));
        var write = Time("series: serialise, cut, hash (JSON)", () => SeriesWrites.Of(series, Withheld.SymbolOf(dataset)));
        var byArea = Time("series: by area and CSV hash", () => write.ByArea.Value);
        foreach (var piece in write.Json.Pieces.Concat(byArea.AreaShards))
        {
            Time("series: compress pieces", () => Gzip(piece.Content, CompressionLevel.Fastest));
        }

        whole.Stop();
        var total = stages.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Console.WriteLine($"RESULT in memory, one thread: {planned.Count} documents, {jsonBytes:N0} bytes of JSON, {pieces:N0} pieces, {gzBytes:N0} bytes compressed (largest {maxPiece:N0})");
        foreach (var (stage, time) in stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT   {stage,-40} {time.TotalMilliseconds,9:N0} ms  {100 * time / total,5:N1}%"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT   {"all stages",-40} {total.TotalMilliseconds,9:N0} ms (wall {whole.ElapsedMilliseconds:N0} ms, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:N0} ms, GC pauses {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:N0} ms, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:N0} MB allocated, collections {Since(collections)})"));
    }

    /// <summary>The first recalculation of a new deployment, as <see cref="ScaleMode"/> measures it, with the CPU of both processes.</summary>
    private static async Task WholeAsync(AzuriteFixture azurite, PipelineHarness app, Dictionary<string, string?> settings, RequestCounter counter, int runs)
    {
        _ = azurite;
        var node = AzuriteProcess();
        for (var run = 0; run < runs; run++)
        {
            await foreach (var blob in app.Documents.GetBlobsAsync())
            {
                if (!blob.Name.StartsWith("figures/", StringComparison.Ordinal))
                {
                    await app.Documents.DeleteBlobAsync(blob.Name);
                }
            }

            var empty = new Dictionary<string, string?>(settings) { ["Pipeline:Storage:ComparisonsTable"] = AzuriteFixture.UniqueName("comparisons") };
            var timeline = new Timeline();
            using var fresh = PipelineHarness.Over(azurite, empty, counter, timeline);
            await fresh.Tables.GetTableClient(empty["Pipeline:Storage:ComparisonsTable"]).CreateIfNotExistsAsync();
            GC.Collect();
            var load = Load();
            var (cpu, nodeCpu, pauses, allocated) = (Process.GetCurrentProcess().TotalProcessorTime, CpuOf(node), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
            var collections = Collections();
            counter.Reset();
            var timer = Stopwatch.StartNew();
            timeline.Start();
            await fresh.Get<RecalculationService>().RecalculateAsync(force: false);
            timer.Stop();
            Console.WriteLine($"RESULT   requests by what they write or read: first and last start (s from the start), count: {timeline.Phases()}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT first recalc, new deployment: {timer.ElapsedMilliseconds:N0} ms wall; CPU: this process {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:N0} ms, Azurite {(CpuOf(node) - nodeCpu).TotalMilliseconds:N0} ms; GC pauses {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:N0} ms; {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:N0} MB allocated; {counter.Count:N0} requests, {counter.BytesSent:N0} bytes sent; collections {Since(collections)}; load before {load}"));
        }
    }

    /// <summary>When each request of a recalculation started, by what it reads or writes, to see its phases.</summary>
    private sealed class Timeline : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(double At, string What)> _seen = new();
        private readonly Stopwatch _clock = new();

        public void Start()
        {
            _seen.Clear();
            _clock.Restart();
        }

        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            var path = Uri.UnescapeDataString(message.Request.Uri.Path);
            var what = path.Contains("/figures/", StringComparison.Ordinal) ? "figures"
                : path.Contains("/series/", StringComparison.Ordinal) ? "series pieces"
                : path.Contains("/summaries/", StringComparison.Ordinal) ? "summary pieces " + path.Split("/summaries/")[1].Split('/')[1]
                : path.EndsWith("$batch", StringComparison.Ordinal) ? "index switches" : "other";
            _seen.Enqueue((_clock.Elapsed.TotalSeconds, what));
        }

        public string Phases() => string.Join("; ", _seen.GroupBy(s => s.What).Select(g =>
            string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Min(s => s.At):N1}-{g.Max(s => s.At):N1} ({g.Count()})")));
    }

    private static string DocumentBlobsSha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] Gzip(byte[] content, CompressionLevel level)
    {
        using var output = new MemoryStream(content.Length / 4);
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>The node process this process started (Azurite), by its parent id in /proc.</summary>
    private static int AzuriteProcess()
    {
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] == self && stat.Contains("(node)", StringComparison.Ordinal))
                {
                    return int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Gone, or not a process.
            }
        }

        throw new InvalidOperationException("Azurite's node process was not found.");
    }

    /// <summary>User and system CPU time of a process, from /proc/PID/stat (clock ticks of 1/100 s).</summary>
    private static TimeSpan CpuOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    /// <summary>Collections of each generation since <paramref name="before"/>, as gen0/gen1/gen2 (a gen2 counts in all three).</summary>
    private static string Since(int[] before) => string.Join('/', Collections().Select((n, i) => n - before[i]));

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
