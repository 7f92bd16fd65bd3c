using BenchmarkDotNet.Attributes;
using Pipeline.Core.Validation;

namespace Pipeline.Benchmarks;

/// <summary>
/// The validator on returns of the sizes partners send: 7 rows (a West Midlands return), 350 (one row per community
/// safety partnership in England and Wales, about 15 KB) and 10,000, each valid against as many configured areas as it
/// has rows, so every rule runs on every row and every row is kept.
/// </summary>
[MemoryDiagnoser]
public class RealSizeBenchmarks
{
    private byte[] _file = [];
    private ReturnValidator _validator = null!;

    [Params(7, 350, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var areas = NationalData.Areas(Rows);
        using var buffer = new MemoryStream();
        NationalData.WriteReturn(buffer, long.MaxValue, areas, maxRows: Rows);
        _file = buffer.ToArray();
        _validator = new ReturnValidator(new ValidationOptions { Areas = [.. areas] }, TimeProvider.System);

        var check = _validator.ValidateAsync(new MemoryStream(_file), "returns/2024-Q3.csv").GetAwaiter().GetResult();
        if (!check.Report.Valid || check.Report.Rows != Rows)
        {
            throw new InvalidOperationException($"The generated return should be valid with {Rows} rows: {ValidationReportJson.Serialize(check.Report)}");
        }

        Console.WriteLine($"// {Rows:N0} rows, {_file.Length:N0} bytes");
    }

    [Benchmark(Description = "ReturnValidator, real sizes")]
    public Task<ValidationResult> Validate() => _validator.ValidateAsync(new MemoryStream(_file), "returns/2024-Q3.csv");
}
