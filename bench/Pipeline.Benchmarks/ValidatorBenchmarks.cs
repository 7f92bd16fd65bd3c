using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using CsvHelper.Configuration;
using nietras.SeparatedValues;
using Pipeline.Core.Validation;

namespace Pipeline.Benchmarks;

/// <summary>
/// The validator on a 10 MiB return against a bare CsvHelper read of the same bytes. As many areas are configured as
/// the file has rows, each named once, so the file is valid and every rule runs on every row to the end: nothing stops
/// early. Both read from memory, so neither waits on a disk. A third row, for comparison, validates a file of the same
/// size that repeats the seven default areas: every row after the seventh is a duplicate-area error, the file is
/// rejected, and no row is kept, so it shows what reading and checking cost without keeping a national file's rows.
/// </summary>
[MemoryDiagnoser]
public class ValidatorBenchmarks
{
    public const long FileBytes = 10 * 1024 * 1024;

    private byte[] _file = [];
    private byte[] _sevenAreaFile = [];
    private ReturnValidator _validator = null!;
    private ReturnValidator _sevenAreaValidator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = NationalData.Return(FileBytes, out var rows);
        var options = new ValidationOptions { Areas = [.. NationalData.Areas(rows)], MaxFileBytes = FileBytes };
        _validator = new ReturnValidator(options, TimeProvider.System);

        var check = _validator.ValidateAsync(new MemoryStream(_file), "returns/2024-Q3.csv").GetAwaiter().GetResult();
        if (!check.Report.Valid || check.Report.Rows != rows)
        {
            throw new InvalidOperationException($"The generated return should be valid with {rows} rows: {ValidationReportJson.Serialize(check.Report)}");
        }

        using var sevenAreas = new MemoryStream();
        var sevenAreaRows = NationalData.WriteReturn(sevenAreas, FileBytes, ValidationOptions.WestMidlands);
        _sevenAreaFile = sevenAreas.ToArray();
        _sevenAreaValidator = new ReturnValidator(new ValidationOptions { MaxFileBytes = FileBytes }, TimeProvider.System);

        Console.WriteLine($"// {_file.Length:N0} bytes, {rows:N0} rows, {rows:N0} configured areas; seven-area file {_sevenAreaFile.Length:N0} bytes, {sevenAreaRows:N0} rows");
    }

    /// <summary>CsvHelper's parser over the same UTF-8 bytes, every field of every record materialised, nothing checked.</summary>
    [Benchmark(Baseline = true, Description = "Bare CsvHelper read")]
    public async Task<long> BareCsvHelperRead()
    {
        using var reader = new StreamReader(new MemoryStream(_file), Encoding.UTF8);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        long characters = 0;
        while (await parser.ReadAsync())
        {
            foreach (var field in parser.Record!)
            {
                characters += field.Length;
            }
        }

        return characters;
    }

    /// <summary>
    /// The limit of this machine, not a target: the same bytes hashed (SHA-256), checked as strict UTF-8 and read by Sep,
    /// the fastest .NET CSV parser, every field unescaped and touched as a span (nothing materialised).
    /// </summary>
    [Benchmark(Description = "Sep read + SHA-256 + strict UTF-8 (the limit)")]
    public long SepReadAndHash()
    {
        var hash = SHA256.HashData(_file);
        if (!Utf8.IsValid(_file))
        {
            throw new InvalidOperationException("The generated return is not UTF-8.");
        }

        using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true }).From(_file);
        long characters = hash[0];
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                characters += row[i].Span.Length;
            }
        }

        return characters;
    }

    [Benchmark(Description = "ReturnValidator")]
    public Task<ValidationResult> Validate() => _validator.ValidateAsync(new MemoryStream(_file), "returns/2024-Q3.csv");

    [Benchmark(Description = "ReturnValidator, 7 areas repeated (rejected)")]
    public Task<ValidationResult> ValidateSevenAreaFile() => _sevenAreaValidator.ValidateAsync(new MemoryStream(_sevenAreaFile), "returns/2024-Q3.csv");
}
