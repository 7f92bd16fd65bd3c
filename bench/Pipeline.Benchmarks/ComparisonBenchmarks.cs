using BenchmarkDotNet.Attributes;
using Pipeline.Core;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Returns;

namespace Pipeline.Benchmarks;

/// <summary>The annual comparison at national scale: 350 areas, ten years (40 quarters), both year bases.</summary>
[MemoryDiagnoser]
public class ComparisonBenchmarks
{
    private Area[] _areas = [];
    private List<AcceptedQuarter> _accepted = [];

    [GlobalSetup]
    public void Setup()
    {
        _areas = NationalData.Areas(350);
        _accepted = NationalData.AcceptedQuarters(_areas, 2015, 10);
    }

    [Benchmark(Description = "ComputeAll 350 areas x 40 quarters")]
    public IReadOnlyList<SummaryDocument> ComputeAll() =>
        ComparisonCalculator.ComputeAll(Pipeline.Core.Datasets.DatasetRegistry.BuiltIn.Default, _accepted, _areas, DateTimeOffset.UnixEpoch);
}
