using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Summaries;
using Pipeline.Core.Workbooks;
using Pipeline.Testing;

namespace Pipeline.Benchmarks;

/// <summary>
/// <c>Pipeline.Benchmarks workbook [years] [areas]</c>: the spreadsheets (format=ods, issue #28) of a synthetic national
/// dataset beside the JSON and CSV they are made alongside, each read cold by a new app instance and written to nowhere as
/// a response's body would be: storage requests, bytes, time and peak working set growth as <see cref="ScaleMode"/>
/// measures them, without its recalculations (one is run first, unmeasured), then each workbook's size.
/// </summary>
internal static class WorkbookMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var years = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var areas = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var national = new NationalDataset(areas);
            var counter = new RequestCounter();
            var settings = PipelineHarness.NewSettings(azurite, new Dictionary<string, string?> { ["Pipeline:Datasets:Path"] = national.WriteDefinition() });
            using (var app = PipelineHarness.Over(azurite, settings, counter))
            {
                foreach (var quarter in Enumerable.Range(2025 - years, years).SelectMany(y => Enumerable.Range(1, 4).Select(n => new Quarter(y, n))))
                {
                    await ScaleMode.IngestAsync(app, $"national/{quarter}.csv", national.Return(quarter));
                }

                await app.Get<RecalculationService>().RecalculateAsync(force: true);
            }

            Console.WriteLine("| areas | operation | requests | bytes sent | bytes received | time (median of 3) | peak working set growth (max of 3) |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
            PipelineHarness? reader = null;
            Task NewInstance()
            {
                reader?.Dispose();
                reader = PipelineHarness.Over(azurite, settings, counter); // Nothing cached.
                return Task.CompletedTask;
            }

            try
            {
                await ScaleMode.Report(areas, "series, all areas, JSON, streamed, cold", counter, NewInstance, () => ScaleMode.SeriesAsync(reader!, []));
                await ScaleMode.Report(areas, "series, all areas, CSV, streamed, cold", counter, NewInstance, () => ScaleMode.SeriesAsync(reader!, [new("format", "csv")]));
                await ScaleMode.Report(areas, "series, all areas, ODS spreadsheet, streamed, cold", counter, NewInstance, () => ScaleMode.WorkbookAsync(reader!, series: true));
                await ScaleMode.Report(areas, "summary, default period, ODS spreadsheet, cold", counter, NewInstance, () => ScaleMode.WorkbookAsync(reader!, series: false));
                await NewInstance();
                Console.WriteLine();
                var seriesBytes = await SizeAsync(reader!, series: true);
                var summaryBytes = await SizeAsync(reader!, series: false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT workbook {areas:N0} areas x {years * 4} quarters: series ODS {seriesBytes:N0} bytes, summary ODS {summaryBytes:N0} bytes"));
            }
            finally
            {
                reader?.Dispose();
            }

            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<long> SizeAsync(PipelineHarness app, bool series)
    {
        var workbooks = app.Get<PublishedWorkbooks>();
        KeyValuePair<string, string?>[] parameters = [new("dataset", NationalDataset.Id), new("format", "ods")];
        var response = series ? await workbooks.SeriesAsync(parameters) : await workbooks.SummaryAsync(parameters);
        if (response.Streamed is not { } streamed)
        {
            return response.Result == SummaryResult.Found ? response.Body.Length : -1;
        }

        var counted = new CountingStream();
        await streamed.WriteAsync(counted, CancellationToken.None);
        return counted.Length;
    }

    /// <summary>Counts what is written to it and keeps none of it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
