using System.CommandLine;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Pipeline.Cli.Commands;

namespace Pipeline.Cli;

/// <summary>The operator CLI (contract section 6): builds the commands and runs one, returning the exit code.</summary>
public static class Cli
{
    /// <summary>Runs the CLI as the process would, reading configuration from environment variables.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, stdout, stderr, new ConfigurationBuilder().AddEnvironmentVariables().Build(), TimeProvider.System, input: null, tablePolicies: null, blobPolicies: null, cancellationToken);

    internal static async Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IConfiguration configuration,
        TimeProvider timeProvider,
        Func<Stream>? input = null,
        IReadOnlyList<HttpPipelinePolicy>? tablePolicies = null,
        IReadOnlyList<HttpPipelinePolicy>? blobPolicies = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var context = new CliContext(stdout, stderr, configuration, timeProvider, input) { TablePolicies = tablePolicies ?? [], BlobPolicies = blobPolicies ?? [] };
        var root = new RootCommand("Operator CLI for the serious youth violence quarterly returns pipeline.")
        {
            ValidateCommand.Create(context),
            IngestCommand.Create(context),
            IngestCommand.CreateProcess(context),
            RecalcCommand.Create(context),
            SummaryCommand.Create(context),
            ServeCommand.Create(context),
            StatusCommand.Create(context),
            RevisionsCommand.Create(context),
            ReleaseCommand.Create(context),
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // System.CommandLine would exit 1 here; the contract reserves 1 for rejected data.
            foreach (var message in Suggestions.Messages(parseResult, root))
            {
                await stderr.WriteLineAsync(message);
            }

            await stderr.WriteLineAsync("Run 'pipeline --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (CliEnvironmentException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
    }
}
