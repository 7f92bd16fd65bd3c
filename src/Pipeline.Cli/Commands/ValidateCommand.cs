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
    public const string StandardInputName = LocalValidation.StandardInputName;

    private static async Task<int> RunAsync(
        CliContext context, string[] paths, bool json, string inputName, string? datasetId, CancellationToken cancellationToken)
    {
        await using var services = context.CoreServices();
        var validator = services.GetRequiredService<ReturnValidators>().For(CliContext.Dataset(services, datasetId));
        var outcome = await LocalValidation.RunAsync(validator, paths, json, inputName, context.OpenInput, context.Output, context.Error, cancellationToken);
        return outcome switch
        {
            LocalValidationOutcome.Valid => ExitCodes.Success,
            LocalValidationOutcome.Invalid => ExitCodes.Rejected,
            _ => ExitCodes.Usage,
        };
    }
}
