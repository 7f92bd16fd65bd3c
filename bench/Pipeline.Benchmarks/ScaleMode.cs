using System.Diagnostics;
using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;
using Pipeline.Core.Series;
using Pipeline.Core.Summaries;
using Pipeline.Testing;

namespace Pipeline.Benchmarks;

/// <summary>
/// <c>Pipeline.Benchmarks scale [years] [areas...]</c>: storage requests, bytes and time of a recalculation and of a
/// summary at several sizes of a synthetic national dataset (<see cref="NationalDataset"/>), on an Azurite it starts,
/// through the app as the function app composes it, with Azure's table limits enforced. For each size: every quarter
/// of <c>years</c> years accepted, then (each measured on warm storage, the median of three runs):
/// the first recalculation on another instance (every quarter's figures read, every document written); a forced one
/// with nothing changed; a correction's fresh-figures
/// recalculation (one quarter replaced, <c>force: false</c>, as <see cref="FreshFigures"/> runs it); a scheduled run
/// with nothing new; the default summary, read cold (a new app instance) and as CSV for one area; the whole series and
/// the summary as spreadsheets (format=ods). Then the ledger's
/// table (<see cref="LedgerScaleMode"/>) at 100,000 entries.
/// </summary>
internal static class ScaleMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var years = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var sizes = args.Length > 1 ? args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [350, 2_000, 10_000];
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            Console.WriteLine($"| areas | operation | requests | bytes sent | bytes received | time (median of 3) | peak working set growth (max of 3) |");
            Console.WriteLine($"|---:|---|---:|---:|---:|---:|---:|");
            foreach (var areas in sizes)
            {
                await MeasureAsync(azurite, areas, years);
            }

            Console.WriteLine();
            await LedgerScaleMode.MeasureAsync(azurite, 100_000); // GET /api/uploads over a national ledger (issue #24).
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task MeasureAsync(AzuriteFixture azurite, int areas, int years)
    {
        var national = new NationalDataset(areas);
        var counter = new RequestCounter();
        var settings = PipelineHarness.NewSettings(azurite, new Dictionary<string, string?> { ["Pipeline:Datasets:Path"] = national.WriteDefinition() });
        using var app = PipelineHarness.Over(azurite, settings, counter);
        var last = new Quarter(2024, 4);
        foreach (var quarter in Enumerable.Range(2025 - years, years).SelectMany(y => Enumerable.Range(1, 4).Select(n => new Quarter(y, n))))
        {
            await IngestAsync(app, $"national/{quarter}.csv", national.Return(quarter));
        }

        var recalc = app.Get<RecalculationService>();
        await recalc.RecalculateAsync(force: true); // Creates the table and the first version.

        PipelineHarness? fresh = null;
        try
        {
            async Task NewComparisons(bool emptyDocuments)
            {
                // Another instance (nothing in memory) over a new, empty comparisons table: the first recalculation; with
                // emptyDocuments, with no summary or series piece in the documents container either, as in a new
                // deployment (no piece to find already written and touch).
                fresh?.Dispose();
                var empty = new Dictionary<string, string?>(settings) { ["Pipeline:Storage:ComparisonsTable"] = AzuriteFixture.UniqueName("comparisons") };
                if (emptyDocuments)
                {
                    await foreach (var blob in app.Documents.GetBlobsAsync())
                    {
                        if (!blob.Name.StartsWith("figures/", StringComparison.Ordinal))
                        {
                            await app.Documents.DeleteBlobAsync(blob.Name);
                        }
                    }
                }

                fresh = PipelineHarness.Over(azurite, empty, counter);
                await fresh.Tables.GetTableClient(empty["Pipeline:Storage:ComparisonsTable"]).CreateIfNotExistsAsync();
            }

            await Report(areas, $"first recalc of {years * 4} quarters, a new deployment: every figure read, every document written", counter,
                () => NewComparisons(emptyDocuments: true), () => fresh!.Get<RecalculationService>().RecalculateAsync(force: false));
            await Report(areas, "first recalc, another instance, the pieces already in storage (each found and touched)", counter,
                () => NewComparisons(emptyDocuments: false), () => fresh!.Get<RecalculationService>().RecalculateAsync(force: false));
        }
        finally
        {
            fresh?.Dispose();
        }

        await Report(areas, "recalc forced, nothing changed", counter,
            setUp: () =>
            {
                app.Clock.Advance(TimeSpan.FromMinutes(1)); // A new computedAt, the same inputs.
                return Task.CompletedTask;
            },
            run: () => recalc.RecalculateAsync(force: true));

        var correction = 0;
        await Report(areas, "recalc after a correction of the last quarter (fresh figures)", counter,
            setUp: () =>
            {
                app.Clock.Advance(TimeSpan.FromMinutes(1));
                var bytes = national.Return(last);
                bytes[^2] = (byte)('0' + ((bytes[^2] - '0' + ++correction) % 10)); // The last area's positive outcomes: a new value each time.
                return IngestAsync(app, $"national/{last}.csv", bytes);
            },
            run: () => recalc.RecalculateAsync(force: false, only: NationalDataset.Id));

        await Report(areas, "scheduled recalc, nothing new", counter, setUp: null, run: () => recalc.RecalculateAsync(force: false));

        PipelineHarness? reader = null;
        try
        {
            Task NewInstance()
            {
                reader?.Dispose();
                reader = PipelineHarness.Over(azurite, settings, counter); // Its summary cache is empty.
                return Task.CompletedTask;
            }

            await Report(areas, "summary, default period, JSON, cold", counter, NewInstance, () => SummaryAsync(reader!, []));
            await Report(areas, "summary, one area, CSV, cold", counter, NewInstance,
                () => SummaryAsync(reader!, [new("area", NationalDataset.Code(areas - 1)), new("format", "csv")]));
            await Report(areas, "summary, default period, JSON, cached", counter, setUp: null, () => SummaryAsync(reader!, []));
            await Report(areas, "summary, one area, JSON, cold", counter, NewInstance,
                () => SummaryAsync(reader!, [new("area", NationalDataset.Code(areas / 2))]));
            await Report(areas, "series, one area, JSON, cold", counter, NewInstance, () => SeriesAsync(reader!, [new("area", NationalDataset.Code(areas / 2))]));
            await Report(areas, "series, all areas, JSON, streamed, cold", counter, NewInstance, () => SeriesAsync(reader!, []));
            await Report(areas, "series, all areas, CSV, streamed, cold", counter, NewInstance, () => SeriesAsync(reader!, [new("format", "csv")]));
            await Report(areas, "series, all areas, ODS spreadsheet, streamed, cold", counter, NewInstance, () => WorkbookAsync(reader!, series: true));
            await Report(areas, "summary, default period, ODS spreadsheet, cold", counter, NewInstance, () => WorkbookAsync(reader!, series: false));
            await Report(areas, "dashboard GET /, all areas (first page of 50), cold", counter, NewInstance, () => DashboardAsync(reader!, "?dataset=national"));
            await Report(areas, "dashboard GET /?area=A, cold", counter, NewInstance, () => DashboardAsync(reader!, $"?dataset=national&area={NationalDataset.Code(areas / 2)}"));
        }
        finally
        {
            reader?.Dispose();
        }
    }

    /// <summary>Runs <paramref name="setUp"/> (not measured) then <paramref name="run"/> three times; prints the last run's requests and bytes and the median time.</summary>
    internal static async Task Report(int areas, string operation, RequestCounter counter, Func<Task>? setUp, Func<Task> run)
    {
        var times = new List<double>();
        var growth = 0L;
        (int Requests, long Sent, long Received) last = default;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < 3; i++)
        {
            if (setUp is not null)
            {
                await setUp();
            }

            // The peak resident set from here on, above what the process holds now (the /proc method of MemoryMode).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            MemoryMode.ResetPeak();
            process.Refresh();
            var baseline = process.WorkingSet64;
            counter.Reset();
            var timer = Stopwatch.StartNew();
            await run();
            timer.Stop();
            process.Refresh();
            growth = Math.Max(growth, process.PeakWorkingSet64 - baseline);
            times.Add(timer.Elapsed.TotalMilliseconds);
            last = (counter.Count, counter.BytesSent, counter.BytesReceived);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {areas:N0} | {operation} | {last.Requests} | {last.Sent:N0} | {last.Received:N0} | {times.Order().ElementAt(1):N0} ms | {growth / (1024.0 * 1024.0):N0} MiB |"));
    }

    internal static async Task IngestAsync(PipelineHarness app, string name, byte[] content)
    {
        await app.UploadAsync(name, content);
        var outcome = await app.Get<UploadProcessor>().ProcessAsync(name);
        if (outcome?.Status != UploadStatus.Accepted)
        {
            throw new InvalidOperationException($"{name} was not accepted: {outcome?.Status}");
        }
    }

    /// <summary>The dashboard's page as both hosts make it, rendered and written to nowhere.</summary>
    private static async Task DashboardAsync(PipelineHarness app, string query)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = app.Services };
        context.Request.Method = "GET";
        context.Request.Path = "/";
        context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query);
        context.Response.Body = Stream.Null;
        var result = await app.Get<Pipeline.Web.Pages.DashboardHandlers>().GetAsync(context.Request);
        if (result.Status != 200)
        {
            throw new InvalidOperationException($"GET /{query}: {result.Status}");
        }

        await result.ExecuteAsync(context);
    }

    /// <summary>A series answer, its body written where a response's would be (to nowhere), streamed or not.</summary>
    internal static async Task SeriesAsync(PipelineHarness app, KeyValuePair<string, string?>[] parameters)
    {
        var response = await app.Get<SeriesService>().GetAsync([new("dataset", NationalDataset.Id), .. parameters]);
        if (response.Result != SummaryResult.Found)
        {
            throw new InvalidOperationException($"The series was not found: {response.Result}");
        }

        if (response.Streamed is { } streamed)
        {
            await streamed.WriteAsync(Stream.Null, CancellationToken.None);
        }
    }

    /// <summary>A workbook (format=ods) of the series or the summary, written to nowhere as a response's body would be.</summary>
    internal static async Task WorkbookAsync(PipelineHarness app, bool series)
    {
        var workbooks = app.Get<Pipeline.Core.Workbooks.PublishedWorkbooks>();
        KeyValuePair<string, string?>[] parameters = [new("dataset", NationalDataset.Id), new("format", "ods")];
        var response = series ? await workbooks.SeriesAsync(parameters) : await workbooks.SummaryAsync(parameters);
        if (response.Result != SummaryResult.Found)
        {
            throw new InvalidOperationException($"The workbook was not made: {response.Result}");
        }

        await (response.Streamed?.WriteAsync(Stream.Null, CancellationToken.None) ?? Task.CompletedTask);
    }

    private static async Task SummaryAsync(PipelineHarness app, KeyValuePair<string, string?>[] parameters)
    {
        var response = await app.Get<SummaryService>().GetAsync([new("dataset", NationalDataset.Id), .. parameters]);
        if (response.Result != SummaryResult.Found)
        {
            throw new InvalidOperationException($"The summary was not found: {response.Result}");
        }
    }
}
