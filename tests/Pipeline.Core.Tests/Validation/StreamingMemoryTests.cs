using System.Security.Cryptography;
using Pipeline.Core.Validation;
using static Pipeline.Core.Tests.Validation.Validate;

namespace Pipeline.Core.Tests.Validation;

/// <summary>Memory measurements see the whole process's heap, so nothing may run beside them.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

[Collection(nameof(MemoryMeasurement))]
public sealed class StreamingMemoryTests
{
    private const long FileSize = 8 * 1024 * 1024;

    [Fact]
    public async Task Validates_an_8_MiB_return_holding_neither_the_file_nor_its_rows()
    {
        // The areas repeat, so from row 9 on every row is a duplicate-area error. At ~50 bytes a row that is ~170,000
        // rows: kept as AreaFigures with their strings they would take well over 10 MiB, and the file itself 8 MiB as
        // bytes or 16 MiB as text. The heap is measured after a full collection at every mebibyte read, i.e. what is
        // still reachable mid-validation. Parser buffers, the capped report and the JIT's own growth fit easily in
        // 2 MiB; retaining the rows or the file cannot.
        var options = new ValidationOptions { MaxFileBytes = 16 * 1024 * 1024 };
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var samples = 0;
        using var stream = Generate(() =>
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            samples++;
        });

        var result = await Validator(options).ValidateAsync(stream, "returns/2024-Q3.csv");

        Assert.InRange(stream.BytesRead, FileSize, FileSize + 100); // it ends at the end of a line
        Console.WriteLine($"Heap growth while validating: {peak - baseline:N0} bytes over {samples} measurements.");
        Assert.True(samples >= 7, $"The heap was measured {samples} times.");
        Assert.True(peak - baseline < 2 * 1024 * 1024, $"The heap grew by {peak - baseline:N0} bytes while validating.");
        Assert.True(result.Report.Rows > 150_000, $"{result.Report.Rows} rows");
        Assert.True(result.Report.Truncated);
        Assert.Equal(options.MaxErrors, result.Report.Errors.Count);
        Assert.Equal(("duplicate-area", 9), (result.Report.Errors[0].Code, result.Report.Errors[0].Row));
        Assert.Null(result.Return);
        Assert.Equal(HashOf(Generate()), result.Report.Sha256);
    }

    private static GeneratedCsvStream Generate(Action? everyMebibyte = null)
    {
        var areas = ValidationOptions.WestMidlands;
        return new GeneratedCsvStream(
            string.Join(',', DefaultDataset.Columns),
            i => $"2024-Q3,{areas[(int)(i % 7)].Code},{areas[(int)(i % 7)].Name},{100 + (i % 50)},{i % 5},{i % 9}",
            FileSize,
            everyMebibyte);
    }

    private static string HashOf(Stream stream)
    {
        using (stream)
        {
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
    }
}
