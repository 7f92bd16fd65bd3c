using System.Diagnostics;

namespace Pipeline.Cli.Tests;

/// <summary>
/// dist/pipeline-validate, the native (AOT) build of <c>validate</c> that scripts/publish.sh makes. scripts/test.sh builds
/// it before the tests run (scripts/publish.sh validate); when it is missing, it is published here, once per run.
/// </summary>
internal static class NativeValidator
{
    private static readonly Lazy<string> Binary = new(Publish);

    public static string Path => Binary.Value;

    /// <summary>Runs the binary with the environment given (and no Pipeline settings of the test host's own).</summary>
    public static CliRun Run(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? settings = null, byte[]? input = null)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Pipeline__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Path} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.BaseStream.Write(input);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException($"{Path} {string.Join(' ', args)} did not finish within a minute.");
        }

        return new CliRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Publish()
    {
        var binary = RepositoryRoot.Combine("dist", "pipeline-validate");
        if (File.Exists(binary))
        {
            return binary;
        }

        var start = new ProcessStartInfo("bash", [RepositoryRoot.Combine("scripts", "publish.sh"), "validate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("scripts/publish.sh did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && File.Exists(binary)
            ? binary
            : throw new InvalidOperationException($"scripts/publish.sh validate failed ({process.ExitCode}):\n{output.GetAwaiter().GetResult()}\n{error}");
    }
}
