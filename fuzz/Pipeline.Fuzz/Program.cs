using Pipeline.Core.Validation;
using SharpFuzz;

namespace Pipeline.Fuzz;

/// <summary>
/// Feeds each afl-fuzz input to <see cref="ReturnValidator"/> as the bytes of an uploaded return. The validator must
/// turn any bytes into a report: any exception escaping <see cref="ReturnValidator.ValidateAsync"/> is left to
/// propagate, which SharpFuzz reports to afl-fuzz as a crash.
/// </summary>
internal static class Program
{
    // A fixed clock and file name keep every run of an input the same: a crash found once can be replayed.
    private const string FileName = "2024-Q3.csv";

    private static readonly ReturnValidator Validator = new(new ValidationOptions(), new FixedClock());

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
                    var report = Validate(File.ReadAllBytes(path)).Report;
                    Console.WriteLine($"{path}: valid={report.Valid} rows={report.Rows} errors=[{string.Join(", ", report.Errors.Select(e => $"{e.Code}@{e.Row}"))}]");
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
            Validate(copy.ToArray());
        });
    }

    private static ValidationResult Validate(byte[] bytes)
    {
        using var content = new MemoryStream(bytes, writable: false);
        return Validator.ValidateAsync(content, FileName, bytes.Length).GetAwaiter().GetResult();
    }

    /// <summary>A clock stopped at 2026-11-01T00:00Z, after every sample's quarter has ended.</summary>
    private sealed class FixedClock : TimeProvider
    {
        private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
