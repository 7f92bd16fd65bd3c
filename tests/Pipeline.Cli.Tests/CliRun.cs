using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Pipeline.Cli.Tests;

/// <summary>One run of the CLI with captured output; a clock at 2026-11-26 unless given.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    /// <param name="policies">Added to the blob and table clients, per call.</param>
    public static async Task<CliRun> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string?>? settings = null,
        DateTimeOffset? now = null,
        Func<Stream>? input = null,
        IReadOnlyList<HttpPipelinePolicy>? policies = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var exitCode = await Cli.RunAsync(
            args, stdout, stderr, configuration, new FakeTimeProvider(now ?? Now), input,
            tablePolicies: [new TableLimitsPolicy(), .. policies ?? []],
            blobPolicies: [new BlobLimitsPolicy(), .. policies ?? []]);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>A scratch folder for the files a test validates, deleted afterwards.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pipeline-cli-tests-").FullName;

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
