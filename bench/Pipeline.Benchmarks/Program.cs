using BenchmarkDotNet.Running;
using Pipeline.Benchmarks;

// Pipeline.Benchmarks memory [MiB]     peak working set of validating a return from disk (run it in a fresh process)
// Pipeline.Benchmarks latency [runs]   upload → accepted → recalculated → summary served, on an Azurite it starts
// Pipeline.Benchmarks workbook [years] [areas]   the spreadsheets (format=ods) beside the series' JSON and CSV, read cold
// Pipeline.Benchmarks scale [years] [areas...]   recalc and summary requests, bytes and time at national sizes, on Azurite
//                                                 (then the ledger's table, as below, at 100,000 entries)
// Pipeline.Benchmarks recalcprofile [areas] [years] [runs]   where a national first recalculation's time goes: stages in memory, then CPU of both processes
// Pipeline.Benchmarks ledger [entries]  GET /api/uploads and pipeline status over a large ledger, before and after its index
// Pipeline.Benchmarks upload [runs]    the function's CPU time and allocations for one upload of 7, 350, 10,000 rows
// Pipeline.Benchmarks throughput [runs]   the validator's ratios to the bare read and Sep, by CPU time, min of runs
// Pipeline.Benchmarks pages [runs] name=url...   paired GETs of pages served by running servers: bytes, median, p95
// Pipeline.Benchmarks disclosure [areas] [years]   the disclosure step (decide, protect every summary and the series) at national size
// Pipeline.Benchmarks [BenchmarkDotNet arguments]   e.g. --filter '*Validator*' --job short
return args switch
{
    ["memory", .. var rest] => await MemoryMode.RunAsync(rest),
    ["latency", .. var rest] => await LatencyMode.RunAsync(rest),
    ["scale", .. var rest] => await ScaleMode.RunAsync(rest),
    ["recalcprofile", .. var rest] => await RecalcProfileMode.RunAsync(rest),
    ["ledger", .. var rest] => await LedgerScaleMode.RunAsync(rest),
    ["workbook", .. var rest] => await WorkbookMode.RunAsync(rest),
    ["upload", .. var rest] => await UploadWorkMode.RunAsync(rest),
    ["throughput", .. var rest] => await ThroughputMode.RunAsync(rest),
    ["pages", .. var rest] => await PagesMode.RunAsync(rest),
    ["disclosure", .. var rest] => DisclosureMode.Run(rest),
    _ => BenchmarkSwitcher.FromAssembly(typeof(ValidatorBenchmarks).Assembly).Run(args).Any(s => s.HasCriticalValidationErrors) ? 1 : 0,
};
