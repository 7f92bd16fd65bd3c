using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Recalculation;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline recalc</c>: computes the annual comparisons now, as the timer function does (always recomputing).</summary>
internal static class RecalcCommand
{
    public static Command Create(CliContext context)
    {
        var connection = StorageCommand.ConnectionOption();
        var dataset = StorageCommand.DatasetOption("Only dataset D. Default: every dataset.");
        var command = new Command("recalc", "Computes the annual comparisons (calendar and financial years) from the accepted quarters now.") { connection, dataset };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(context, parse.GetValue(connection), async services =>
        {
            var only = parse.GetValue(dataset) is { } id ? CliContext.Dataset(services, id).Id : null;
            var result = await services.GetRequiredService<RecalculationService>().RecalculateAsync(force: true, only, cancellationToken);
            await context.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Recalculated {result.Comparisons} comparisons from {result.Quarters} accepted quarters at {result.At:yyyy-MM-dd'T'HH:mm:ssK}."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
