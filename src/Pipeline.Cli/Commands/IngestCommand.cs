using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ingestion;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline ingest FILE... [--json]</c>: uploads each file into the uploads container under its file name and
/// processes it exactly as the blob function does. <c>pipeline process</c>: processes whatever waits in uploads.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "The return files to upload and process.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the outcomes as one JSON array." };
        var connection = StorageCommand.ConnectionOption();
        var command = new Command("ingest", "Uploads returns into the uploads container and processes them as the blob function does. Exit code 0: all kept as accepted figures (or unchanged); 1: any rejected.")
        {
            files, json, connection,
        };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(
            context, parse.GetValue(connection), services => IngestAsync(context, services, parse.GetRequiredValue(files), parse.GetValue(json), cancellationToken)));
        return command;
    }

    public static Command CreateProcess(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the outcomes as one JSON array." };
        var connection = StorageCommand.ConnectionOption();
        var command = new Command("process", "Processes every blob waiting in the uploads container, as the blob function would. Exit code 1 if any was rejected.")
        {
            json, connection,
        };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(context, parse.GetValue(connection), async services =>
        {
            var outcomes = await services.GetRequiredService<UploadProcessor>().ProcessPendingAsync(cancellationToken);
            if (outcomes.Count == 0 && !parse.GetValue(json))
            {
                await context.Output.WriteLineAsync("Nothing is waiting in uploads.");
            }

            return await ReportAsync(context, outcomes, parse.GetValue(json), unreadable: false);
        }));
        return command;
    }

    private static async Task<int> IngestAsync(CliContext context, IServiceProvider services, string[] paths, bool json, CancellationToken cancellationToken)
    {
        var uploads = services.GetRequiredService<IUploadStore>();
        var processor = services.GetRequiredService<UploadProcessor>();
        var outcomes = new List<UploadOutcome>();
        var unreadable = false;
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            try
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
                await uploads.UploadAsync(name, file, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable = true;
                await context.Error.WriteLineAsync($"{path}: cannot be read: {e.Message}");
                continue;
            }

            if (await processor.ProcessAsync(name, cancellationToken) is { } outcome)
            {
                outcomes.Add(outcome);
            }
        }

        return await ReportAsync(context, outcomes, json, unreadable);
    }

    private static async Task<int> ReportAsync(CliContext context, IReadOnlyList<UploadOutcome> outcomes, bool json, bool unreadable)
    {
        if (json)
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(outcomes, OutcomeJson.Default.IReadOnlyListUploadOutcome));
        }
        else
        {
            foreach (var outcome in outcomes)
            {
                var container = outcome.IsRejected ? "rejected" : "accepted";
                await ReportListing.WriteAsync(context.Output, outcome.Report, $"{outcome.Status}, ");
                await context.Output.WriteLineAsync($"  kept as {container}/{outcome.StoredAs}{(outcome.IsRejected ? $" with {container}/{outcome.StoredAs}.report.json" : string.Empty)}");
            }
        }

        return unreadable ? ExitCodes.Usage : outcomes.Any(o => o.IsRejected) ? ExitCodes.Rejected : ExitCodes.Success;
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<UploadOutcome>))]
internal sealed partial class OutcomeJson : JsonSerializerContext;
