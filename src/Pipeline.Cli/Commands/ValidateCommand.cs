using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Validation;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline validate FILE... [--json]</c>: validates local files offline, with no storage.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var files = FileArgument.Create("The return files to validate (CSV, as a partner would upload them); - reads one from standard input.");
        var json = new Option<bool>("--json") { Description = "Print the reports as one JSON array, as docs/contract.md (section 2, the validation report) shows them." };
        var name = new Option<string>("--name")
        {
            Description = "The file name that standard input (-) is validated under, for the .csv and quarter-in-the-name rules.",
            DefaultValueFactory = _ => StandardInputName,
        };
        var dataset = StorageCommand.DatasetOption("The dataset whose return the files are (default serious-youth-violence).");
        var command = new Command("validate", "Validates quarterly return files offline and prints their reports. Exit code 0: all valid; 1: any invalid.")
        {
            files,
            json,
            name,
            dataset,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context, parseResult.GetRequiredValue(files), parseResult.GetValue(json), parseResult.GetRequiredValue(name), parseResult.GetValue(dataset), cancellationToken));
        return command;
    }

    /// <summary>The name standard input is validated under unless <c>--name</c> gives one.</summary>
    public const string StandardInputName = "stdin.csv";

    private static async Task<int> RunAsync(
        CliContext context, string[] paths, bool json, string inputName, string? datasetId, CancellationToken cancellationToken)
    {
        await using var services = context.CoreServices();
        var validator = services.GetRequiredService<ReturnValidators>().For(CliContext.Dataset(services, datasetId));
        var reports = new List<ValidationReport>();
        var unreadable = false;
        foreach (var path in paths)
        {
            try
            {
                var fromInput = path == "-";
                await using var stream = fromInput
                    ? context.OpenInput()
                    : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);

                // A pipe (validate <(cat x.csv), /dev/stdin) has no length: it is read as a stream, and the size limit
                // is applied as the bytes arrive.
                var length = stream.CanSeek ? stream.Length : (long?)null;
                var result = await validator.ValidateAsync(stream, fromInput ? inputName : path, length, cancellationToken);
                reports.Add(result.Report);
                if (!json)
                {
                    await ReportListing.WriteAsync(context.Output, result.Report);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable = true;
                await context.Error.WriteLineAsync($"{path}: cannot be read: {e.Message}");
            }
        }

        if (json)
        {
            await context.Output.WriteLineAsync(ValidationReportJson.Serialize(reports));
        }

        // A file that could not be read is an environment problem, which outranks a rejected file.
        return unreadable ? ExitCodes.Usage : reports.TrueForAll(r => r.Valid) ? ExitCodes.Success : ExitCodes.Rejected;
    }
}
