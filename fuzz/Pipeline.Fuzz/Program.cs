using Pipeline.Core.Validation;
using SharpFuzz;

namespace Pipeline.Fuzz;

/// <summary>
/// Feeds each afl-fuzz input to <see cref="ReturnValidator"/> as the bytes of an uploaded return. The validator must
/// turn any bytes into a report: any exception escaping <see cref="ReturnValidator.ValidateAsync"/> is left to
/// propagate, which SharpFuzz reports to afl-fuzz as a crash. The report is also serialized to JSON, as every report is.
/// </summary>
internal static class Program
{
    // A fixed clock, file names and options keep every run of an input the same: a crash found once can be replayed.
    private static readonly TimeProvider Clock = new FixedClock();

    /// <summary>The defaults, the length known (as for a blob), the name of the sample quarter.</summary>
    private static readonly ReturnValidator Default = new(new ValidationOptions(), Clock);

    /// <summary>
    /// Limits small enough for short inputs to reach them: the size limit found while reading (length unknown, as for
    /// a CLI pipe), the error cap, the maximum count. The name has a folder, an underscore token and an upper-case
    /// extension.
    /// </summary>
    private static readonly ReturnValidator Tight = new(new ValidationOptions { MaxFileBytes = 512, MaxErrors = 3, MaxValue = 99 }, Clock);

    public static void Main(string[] args)
    {
        if (args.Length > 0)
        {
            // Replays saved inputs (e.g. findings/default/crashes/*) with an uninstrumented build, printing each report
            // or the exception that escaped; exit code 1 when any input threw.
            var threw = false;
            foreach (var path in args)
            {
                try
                {
                    var bytes = File.ReadAllBytes(path);
                    Print(path, "default", Validate(Default, bytes, "2024-Q3.csv", bytes.Length).Report);
                    Print(path, "tight", Validate(Tight, bytes, "returns/2024_q3.CSV", length: null).Report);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    threw = true;
                    Console.WriteLine($"{path}: CRASH {exception}");
                }
            }

            Environment.ExitCode = threw ? 1 : 0;
            return;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            Validate(Default, bytes, "2024-Q3.csv", bytes.Length);
            Validate(Tight, bytes, "returns/2024_q3.CSV", length: null);
        });
    }

    private static ValidationResult Validate(ReturnValidator validator, byte[] bytes, string fileName, long? length)
    {
        using var content = new MemoryStream(bytes, writable: false);
        var result = validator.ValidateAsync(content, fileName, length).GetAwaiter().GetResult();

        // Every report is written out as JSON (the rejected file's report, the CLI's --json), so it must serialize.
        ValidationReportJson.Serialize(result.Report);
        return result;
    }

    private static void Print(string path, string validator, ValidationReport report) =>
        Console.WriteLine(
            $"{path} ({validator}): valid={report.Valid} rows={report.Rows} truncated={report.Truncated} " +
            $"errors=[{string.Join(", ", report.Errors.Select(e => $"{e.Code}@{e.Row}"))}]");

    /// <summary>A clock stopped at 2026-11-01T00:00Z, after every sample's quarter has ended.</summary>
    private sealed class FixedClock : TimeProvider
    {
        private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
