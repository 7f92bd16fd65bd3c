using BenchmarkDotNet.Attributes;
using Pipeline.Core;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Returns;
using Pipeline.Core.Summaries;

namespace Pipeline.Benchmarks;

/// <summary>
/// The summary document of a 350-area comparison (calendar 2024 against 2023): written as JSON and CSV, the JSON read
/// back and written as CSV (what a <c>format=csv</c> or <c>area=</c> request costs beyond its storage read), and the
/// whole in-memory part of a recalculation over those two years (compute every comparison, write each as JSON).
/// </summary>
[MemoryDiagnoser]
public class SummaryBenchmarks
{
    private Area[] _areas = [];
    private List<AcceptedQuarter> _twoYears = [];
    private SummaryDocument _document = null!;
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        _areas = NationalData.Areas(350);
        _twoYears = NationalData.AcceptedQuarters(_areas, 2023, 2);
        _document = ComparisonCalculator.ComputeAll(Pipeline.Core.Datasets.DatasetRegistry.BuiltIn.Default, _twoYears, _areas, DateTimeOffset.UnixEpoch)
            .Single(d => d.Basis == YearBasis.Calendar && d.Status == ComparisonStatus.Complete);
        _json = SummaryJson.ToUtf8Bytes(_document);
        Console.WriteLine($"// {_document.Areas.Count} areas: JSON {_json.Length:N0} bytes, CSV {SummaryCsv.ToUtf8Bytes(_document).Length:N0} bytes");
    }

    [Benchmark(Description = "SummaryJson.ToUtf8Bytes")]
    public byte[] Json() => SummaryJson.ToUtf8Bytes(_document);

    [Benchmark(Description = "SummaryCsv.ToUtf8Bytes")]
    public byte[] Csv() => SummaryCsv.ToUtf8Bytes(_document);

    [Benchmark(Description = "Stored JSON -> document -> CSV")]
    public byte[] JsonToCsv() => SummaryCsv.ToUtf8Bytes(SummaryJson.Deserialize(_json));

    [Benchmark(Description = "Build + serialise (recalc, 2 years)")]
    public int BuildAndSerialise()
    {
        var bytes = 0;
        foreach (var document in ComparisonCalculator.ComputeAll(Pipeline.Core.Datasets.DatasetRegistry.BuiltIn.Default, _twoYears, _areas, DateTimeOffset.UnixEpoch))
        {
            bytes += SummaryJson.ToUtf8Bytes(document).Length;
        }

        return bytes;
    }
}
