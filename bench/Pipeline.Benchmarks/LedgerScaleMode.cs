using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Status;
using Pipeline.Testing;
using Pipeline.Web;

namespace Pipeline.Benchmarks;

/// <summary>
/// <c>Pipeline.Benchmarks ledger [entries]</c> (also the last table of <c>scale</c>): storage requests, bytes and time of
/// <c>GET /api/uploads</c> over a ledger of <c>entries</c> entries (100,000 unless told), written as the version before
/// the listing index left it (<see cref="OldLedger"/>): the whole-ledger read the route made before (the "before"
/// row), the one-time indexing the first listing does, then pages through the route's handler, and pipeline status.
/// </summary>
internal static class LedgerScaleMode
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await MeasureAsync(azurite, args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000);
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    public static async Task MeasureAsync(AzuriteFixture azurite, int entries)
    {
        var counter = new RequestCounter();
        var settings = PipelineHarness.NewSettings(azurite);
        using var app = PipelineHarness.Over(azurite, settings, counter);
        var writing = Stopwatch.StartNew();
        await OldLedger.WriteAsync(app.Tables.GetTableClient(settings["Pipeline:Storage:LedgerTable"]), OldLedger.Generate(entries, Start));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(a ledger of {entries:N0} entries written in {writing.Elapsed.TotalSeconds:N1} s)"));
        Console.WriteLine("| ledger entries | operation | requests | bytes sent | bytes received | time |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");

        var ledger = app.Get<IUploadLedger>();
        await Report(entries, "before: the whole ledger, as GET /api/uploads read it (median of 3)", counter, 3, () => ledger.ListAsync());
        await Report(entries, "the first listing after the upgrade: indexes the ledger once (once)", counter, 1, () => ListAsync(app, "?limit=1"));

        string? next = null;
        await Report(entries, "GET /api/uploads (limit 100), first page", counter, 3, async () => next = await ListAsync(app, string.Empty));
        await Report(entries, "GET /api/uploads, next page (its Link)", counter, 3, () => ListAsync(app, next!));
        await Report(entries, "GET /api/uploads?limit=1000, first page", counter, 3, () => ListAsync(app, "?limit=1000"));
        await Report(entries, "GET /api/uploads?status=rejected&quarter=2024-Q1 (limit 100)", counter, 3, () => ListAsync(app, "?status=rejected&quarter=2024-Q1"));
        using var other = PipelineHarness.Over(azurite, settings, counter); // Has not seen the index's markers.
        await Report(entries, "pipeline status, another instance (whole report; ledger: 1 request)", counter, 3,
            () => other.Get<StatusService>().GetAsync(DatasetRegistry.BuiltIn.Default));
    }

    /// <summary>The route's handler as both hosts call it, for an administrator; the query of its Link's next target, if any.</summary>
    private static async Task<string?> ListAsync(PipelineHarness app, string query)
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Method = "GET";
        context.Request.Path = "/api/uploads";
        context.Request.QueryString = new QueryString(query);
        context.Request.Headers[Principals.Header] = Principals.Of("ops@example.org", "Pipeline.Admin");
        var result = await app.Get<UploadHandlers>().ListUploadsAsync(context.Request);
        if (result.Status != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"GET /api/uploads{query}: {result.Status}");
        }

        return result.Headers?.GetValueOrDefault("Link") is { } link ? link[(link.IndexOf('?', StringComparison.Ordinal))..link.IndexOf('>', StringComparison.Ordinal)] : null;
    }

    private static async Task Report(int entries, string operation, RequestCounter counter, int runs, Func<Task> run)
    {
        var times = new List<double>();
        (int Requests, long Sent, long Received) last = default;
        for (var i = 0; i < runs; i++)
        {
            counter.Reset();
            var timer = Stopwatch.StartNew();
            await run();
            times.Add(timer.Elapsed.TotalMilliseconds);
            last = (counter.Count, counter.BytesSent, counter.BytesReceived);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {entries:N0} | {operation} | {last.Requests} | {last.Sent:N0} | {last.Received:N0} | {times.Order().ElementAt(times.Count / 2):N0} ms |"));
    }
}
