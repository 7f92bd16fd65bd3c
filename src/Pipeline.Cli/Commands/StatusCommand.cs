using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Status;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline status [--json] [--dataset D]</c>: what storage holds now for one dataset (<see cref="StatusService"/>).</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var dataset = StorageCommand.DatasetOption("The dataset's id (default serious-youth-violence).");
        var connection = StorageCommand.ConnectionOption();
        var command = new Command(
            "status",
            "Shows what storage holds for a dataset: accepted quarters, uploads still waiting, recent rejections and the periods that can be summarised.")
        {
            json, dataset, connection,
        };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(context, parse.GetValue(connection), async services =>
        {
            var definition = CliContext.Dataset(services, parse.GetValue(dataset));
            var report = await services.GetRequiredService<StatusService>().GetAsync(definition, cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(report, StatusJson.Default.StatusReport));
            }
            else
            {
                await StatusListing.WriteAsync(context.Output, report);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
