using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Summaries;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline summary [--basis B] [--period P] [--area A] [--format F]</c>: prints exactly the body the HTTP function
/// returns for the same parameters (both come from <see cref="SummaryService"/>).
/// </summary>
internal static class SummaryCommand
{
    public static Command Create(CliContext context)
    {
        var basis = new Option<string?>("--" + SummaryRequest.BasisParameter) { Description = "calendar (default) or financial." };
        var period = new Option<string?>("--" + SummaryRequest.PeriodParameter) { Description = "2024, or 2024/25 or 2024-25 for financial years. Default: the latest complete comparison, else the latest year-to-date one." };
        var area = new Option<string?>("--" + SummaryRequest.AreaParameter) { Description = "One area's GSS code, e.g. E08000025." };
        var format = new Option<string?>("--" + SummaryRequest.FormatParameter) { Description = "json (default) or csv." };
        var dataset = new Option<string?>("--" + SummaryRequest.DatasetParameter) { Description = "The dataset's id (default serious-youth-violence)." };
        var connection = StorageCommand.ConnectionOption();
        var command = new Command("summary", "Prints the summary of the annual comparison, exactly as GET /api/summary returns it.")
        {
            basis, period, area, format, dataset, connection,
        };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(context, parse.GetValue(connection), async services =>
        {
            var parameters = new (string Name, Option<string?> Option)[]
                {
                    (SummaryRequest.BasisParameter, basis), (SummaryRequest.PeriodParameter, period),
                    (SummaryRequest.AreaParameter, area), (SummaryRequest.FormatParameter, format),
                    (SummaryRequest.DatasetParameter, dataset),
                }
                .Where(p => parse.GetResult(p.Option) is { Implicit: false })
                .Select(p => new KeyValuePair<string, string?>(p.Name, parse.GetValue(p.Option)));

            var response = await services.GetRequiredService<SummaryService>().GetAsync(parameters, cancellationToken);
            if (response.Problem is { } problem)
            {
                await context.Error.WriteLineAsync(problem.Detail);
                return response.Result == SummaryResult.NotFound ? ExitCodes.Rejected : ExitCodes.Usage;
            }

            await context.Output.WriteAsync(Encoding.UTF8.GetString(response.Body));
            await context.Output.FlushAsync(cancellationToken);
            return ExitCodes.Success;
        }));
        return command;
    }
}
