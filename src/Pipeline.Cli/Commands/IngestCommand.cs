using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;
using Pipeline.Core.Validation;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline ingest FILE... [--json]</c>: uploads each file into the uploads container under its file name (never over
/// an upload still waiting) and processes exactly that upload as the blob function does. <c>pipeline process</c>:
/// processes whatever waits in uploads, going on past any upload that fails.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var files = FileArgument.Create("The return files to upload and process.");
        var json = new Option<bool>("--json") { Description = "Print the outcomes as one JSON array." };
        var connection = StorageCommand.ConnectionOption();
        var dataset = StorageCommand.DatasetOption("Store each file as D/<file name>, a return of dataset D (default: <file name>, the default dataset).");
        var command = new Command("ingest", "Uploads returns into the uploads container and processes them as the blob function does. Exit code 0: all kept as accepted figures (or unchanged); 1: any rejected; 2: a file could not be read or uploaded.")
        {
            files, json, connection, dataset,
        };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(
            context,
            parse.GetValue(connection),
            services => IngestAsync(context, services, parse.GetRequiredValue(files), parse.GetValue(json), parse.GetValue(dataset), cancellationToken)));
        return command;
    }

    public static Command CreateProcess(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the outcomes as one JSON array." };
        var connection = StorageCommand.ConnectionOption();
        var dataset = StorageCommand.DatasetOption("Only the uploads of dataset D (those under the folder D/). Default: every dataset.");
        var command = new Command("process", "Processes every blob waiting in the uploads container, as the blob function would. Exit code 1 if any was rejected; 2 if any could not be processed (each is named on stderr, and the others are still processed), or if storage stopped answering (the run stops there and says how many uploads it left waiting).")
        {
            json, connection, dataset,
        };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(context, parse.GetValue(connection), async services =>
        {
            var only = parse.GetValue(dataset) is { } id ? CliContext.Dataset(services, id).Id : null;
            var run = await services.GetRequiredService<UploadProcessor>().ProcessPendingAsync(only, cancellationToken);
            if (run.Outcomes.Count == 0 && run.Failures.Count == 0 && run.Outage is null && !parse.GetValue(json))
            {
                await context.Output.WriteLineAsync("Nothing is waiting in uploads.");
            }

            var problems = new Problems(context.Error);
            foreach (var failure in run.Failures)
            {
                await problems.WriteAsync(failure.File is null
                    ? $"The uploads waiting could not all be listed: {failure.Message}{Environment.NewLine}{StorageCommand.Hint}"
                    : $"{UploadNames.Visible(failure.File)}: not processed: {failure.Message}");
            }

            if (run.Outage is { } outage)
            {
                // Not refreshed: storage is not answering. Asking would only add a timeout per dataset.
                await problems.WriteAsync(string.Join(Environment.NewLine, OutageLines(outage, run.Outcomes.Any(o => o.Status == UploadStatus.Accepted))));
            }
            else
            {
                await services.GetRequiredService<FreshFigures>().RefreshAsync(run.Outcomes, cancellationToken);
            }

            return await ReportAsync(context, run.Outcomes, parse.GetValue(json), problems);
        }));
        return command;
    }

    /// <summary>What stderr says when storage stopped answering in the middle of <c>process</c>.</summary>
    private static IEnumerable<string> OutageLines(StorageOutage outage, bool anyAccepted)
    {
        ArgumentNullException.ThrowIfNull(outage);
        var unlisted = outage.ListingCut ? ", and any that could not be listed" : string.Empty;
        if (outage.File is { } name)
        {
            var file = UploadNames.Visible(name);
            yield return $"Storage stopped answering while {file} was processed: {outage.Message}";
            var left = outage.LeftWaiting == 1
                ? $"1 upload is left waiting in uploads, {file}{unlisted}"
                : string.Create(CultureInfo.InvariantCulture, $"{outage.LeftWaiting} uploads are left waiting in uploads, {file} and the {outage.LeftWaiting - 1} after it{unlisted}");
            yield return $"The run stopped there instead of trying the others: {left}. Run 'pipeline process' again once storage answers.";
        }
        else
        {
            yield return $"Storage stopped answering while the uploads waiting were listed: {outage.Message}";
            yield return outage.LeftWaiting == 0
                ? "Nothing was processed. Run 'pipeline process' again once storage answers."
                : string.Create(CultureInfo.InvariantCulture, $"Nothing was processed: the {outage.LeftWaiting} uploads listed before it are left waiting in uploads{unlisted}. Run 'pipeline process' again once storage answers.");
        }

        if (anyAccepted)
        {
            yield return "The comparisons were not recalculated for the uploads accepted before it: run 'pipeline recalc' once storage answers, or leave it to the nightly timer.";
        }

        yield return StorageCommand.Hint;
    }

    private static async Task<int> IngestAsync(
        CliContext context, IServiceProvider services, string[] paths, bool json, string? datasetId, CancellationToken cancellationToken)
    {
        var folder = datasetId is null ? string.Empty : CliContext.Dataset(services, datasetId).Id + "/";
        var processor = services.GetRequiredService<UploadProcessor>();
        var outcomes = new List<UploadOutcome>();
        var problems = new Problems(context.Error);
        foreach (var path in paths)
        {
            var name = folder + Path.GetFileName(path);
            if (UploadNames.Problem(name) is { } refused)
            {
                await problems.WriteAsync($"{UploadNames.Visible(path)}: not uploaded: {refused}");
                continue;
            }

            string? version;
            try
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
                version = await processor.TryCreateAsync(name, file, UploadSenders.Cli, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await problems.WriteAsync($"{path}: cannot be read: {e.Message}");
                continue;
            }

            if (version is null)
            {
                await problems.WriteAsync(
                    $"{path}: not uploaded: '{name}' is still waiting in uploads (an earlier upload of that name has not been processed yet), and it is never overwritten. Run 'pipeline process', or wait for it to be processed, then ingest this file again.");
                continue;
            }

            if (await processor.ProcessAsync(name, version, UploadSenders.Cli, cancellationToken) is { } outcome)
            {
                outcomes.Add(outcome);
            }
            else if (await OutcomeProcessedElsewhereAsync(services, path, name, version, cancellationToken) is { } elsewhere)
            {
                outcomes.Add(elsewhere); // The function app (or another run) got to this very upload first.
            }
            else
            {
                await problems.WriteAsync($"{path}: uploaded as '{name}', but it was taken from uploads by another run and no outcome is recorded yet. See 'pipeline status'.");
            }
        }

        await services.GetRequiredService<FreshFigures>().RefreshAsync(outcomes, cancellationToken);
        return await ReportAsync(context, outcomes, json, problems);
    }

    /// <summary>
    /// The outcome of this very upload as another run recorded it, with the report of the local file (the same bytes,
    /// validated the same way).
    /// </summary>
    private static async Task<UploadOutcome?> OutcomeProcessedElsewhereAsync(
        IServiceProvider services, string path, string name, string version, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<UploadProcessor>().FindOutcomeAsync(name, version, cancellationToken) is not { } entry)
        {
            return null;
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
        var result = await services.GetRequiredService<ReturnValidators>().ForUpload(name).ValidateAsync(file, name, file.Length, cancellationToken);
        return new UploadOutcome(entry.File, entry.Status, entry.Quarter, entry.StoredAs, entry.Sha256, result.Report with { Sha256 = entry.Sha256 }, entry.SentBy)
        {
            Notice = string.Create(CultureInfo.InvariantCulture, $"Processed by another run at {entry.ProcessedAt:yyyy-MM-dd'T'HH:mm:ssK}."),
        };
    }

    private static async Task<int> ReportAsync(CliContext context, IReadOnlyList<UploadOutcome> outcomes, bool json, Problems problems)
    {
        if (json)
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(outcomes, OutcomeJson.Default.IReadOnlyListUploadOutcome));
        }
        else
        {
            foreach (var outcome in outcomes)
            {
                await ValidationReportText.WriteAsync(context.Output, outcome.Report, $"{outcome.Status.ToWire()}, ");
                var prefix = outcome.Container is { } container ? container + "/" : string.Empty;
                await context.Output.WriteLineAsync(
                    $"  kept as {prefix}{UploadNames.Visible(outcome.StoredAs)}{(outcome.ReportName is { } report ? $" with {prefix}{UploadNames.Visible(report)}" : string.Empty)}");
                if (outcome.Notice is { } notice)
                {
                    await context.Output.WriteLineAsync($"  note: {notice}");
                }
            }
        }

        foreach (var outcome in outcomes.Where(o => o.StillWaiting))
        {
            await problems.WriteAsync($"{UploadNames.Visible(outcome.File)}: {outcome.Notice}"); // processed, but someone has to act before it leaves uploads
        }

        // An environment problem (a file not read or not uploaded, an upload not processed or left leased, storage gone)
        // outranks a rejected file; and exit code 2 is only ever given with its reason on stderr.
        return problems.Written ? ExitCodes.Usage
            : outcomes.Any(o => o.IsRejected) ? ExitCodes.Rejected
            : ExitCodes.Success;
    }

    /// <summary>
    /// The environment problems of one run, each written to stderr as it is found. The exit code is 2 exactly when one
    /// was written, so a run never exits 2 without saying why.
    /// </summary>
    private sealed class Problems(TextWriter error)
    {
        public bool Written { get; private set; }

        public async Task WriteAsync(string line)
        {
            await error.WriteLineAsync(line);
            Written = true;
        }
    }
}
