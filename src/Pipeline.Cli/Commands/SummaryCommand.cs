using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Releases;
using Pipeline.Core.Publication;
using Pipeline.Core.Summaries;
using Pipeline.Core.Workbooks;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline summary [--basis B] [--period P] [--area A] [--format F] [--preview]</c>: prints exactly the body the HTTP function
/// returns for the same parameters (both come from <see cref="PublishedFigures"/>, what the public may see), or, with <c>--format table</c>
/// (CLI only), the same document as a table for people; with <c>--output FILE</c> it writes the body to FILE instead, which
/// <c>--format ods</c>, the spreadsheet (docs/contract.md section 14), requires. With <c>--preview</c> it is the coming
/// release's (<see cref="SummaryPreview"/>).
/// </summary>
internal static class SummaryCommand
{
    private const string Table = "table";

    public static Command Create(CliContext context)
    {
        var basis = new Option<string?>("--" + SummaryRequest.BasisParameter) { Description = "calendar (default), financial, or rolling (the year ending with a quarter)." };
        var period = new Option<string?>("--" + SummaryRequest.PeriodParameter) { Description = "2024; 2024/25 or 2024-25 for financial years; a quarter such as 2024-Q3 for rolling years. Default: the latest complete comparison, else the latest year-to-date one." };
        var area = new Option<string?>("--" + SummaryRequest.AreaParameter) { Description = "One area's GSS code, e.g. E08000025." };
        var format = new Option<string?>("--" + SummaryRequest.FormatParameter) { Description = "json (default), csv, ods (a spreadsheet; needs --output), or table (for people; the CLI only)." };
        var output = new Option<FileInfo?>("--output") { Description = "Write the summary to this file rather than to the output (needed for ods)." };
        var dataset = new Option<string?>("--" + SummaryRequest.DatasetParameter) { Description = "The dataset's id (default serious-youth-violence)." };
        var preview = new Option<bool>("--preview") { Description = "The coming release of a scheduled dataset, before it is published, as GET /api/summary?preview=true gives it (recorded; operators only, from its pre-release window)." };
        var connection = StorageCommand.ConnectionOption();
        var command = new Command("summary", "Prints the summary of the annual comparison, exactly as GET /api/summary returns it, or as a table.")
        {
            basis, period, area, format, dataset, output, preview, connection,
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
                .Select(p => new KeyValuePair<string, string?>(p.Name, parse.GetValue(p.Option)))
                .ToList();

            // The table is drawn from the JSON document, so the service is asked for JSON (the HTTP API has no table).
            var table = parameters.RemoveAll(p => p.Key == SummaryRequest.FormatParameter && p.Value?.Trim() == Table) > 0;
            if (parameters.FirstOrDefault(p => p.Key == SummaryRequest.FormatParameter).Value is { } other && other.Trim() is not ("json" or "csv" or PublishedWorkbooks.Ods or ""))
            {
                await context.Error.WriteLineAsync($"Parameter 'format': '{other}' is not a format. Use 'json', 'csv', 'ods' or 'table'.");
                return ExitCodes.Usage;
            }

            var file = parse.GetValue(output);
            var ods = parameters.RemoveAll(p => p.Key == SummaryRequest.FormatParameter && p.Value?.Trim() == PublishedWorkbooks.Ods) > 0;
            if (ods && file is null)
            {
                await context.Error.WriteLineAsync("A spreadsheet is not text: give --output FILE to write it to, such as --output summary.ods.");
                return ExitCodes.Usage;
            }

            if (!SummaryRequest.TryParse(parameters, out var request, out var bad))
            {
                await context.Error.WriteLineAsync(bad!.Detail);
                return ExitCodes.Usage;
            }

            Release? coming = null;
            if (parse.GetValue(preview))
            {
                if (ods)
                {
                    await context.Error.WriteLineAsync("A preview is JSON, CSV or a table, as the API's is: a release has no spreadsheet before it is published.");
                    return ExitCodes.Usage;
                }

                if ((coming = await SummaryPreview.OpenAsync(context, services, request, parameters, cancellationToken)) is null)
                {
                    return ExitCodes.Usage;
                }
            }

            var response = ods
                ? await services.GetRequiredService<PublishedWorkbooks>().SummaryAsync([.. parameters, new(SummaryRequest.FormatParameter, PublishedWorkbooks.Ods)], cancellationToken)
                : await services.GetRequiredService<PublishedFigures>().SummaryAsync(request, coming, cancellationToken);
            if (response.Problem is { } problem)
            {
                await context.Error.WriteLineAsync(problem.Detail);
                if (response.Result != SummaryResult.NotFound)
                {
                    return ExitCodes.Usage;
                }

                if (request.Period is not null)
                {
                    await context.Error.WriteLineAsync(await ExistingPeriodsAsync(services, request, cancellationToken));
                }

                return ExitCodes.Rejected;
            }

            var body = table
                ? Encoding.UTF8.GetBytes(SummaryTable.Render(SummaryJson.Deserialize(response.Body), CliContext.Dataset(services, request.Dataset)))
                : coming is null ? response.Body : SummaryPreview.Mark(response, coming, CliContext.Dataset(services, request.Dataset));
            if (file is not null)
            {
                await File.WriteAllBytesAsync(file.FullName, body, cancellationToken);
                await context.Output.WriteLineAsync($"Wrote {file.FullName} ({body.Length:N0} bytes).");
            }
            else
            {
                await context.Output.WriteAsync(Encoding.UTF8.GetString(body));
            }

            await context.Output.FlushAsync(cancellationToken);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>When a period has no comparison, the periods that have one (from the store's listing), so the next try can be right.</summary>
    private static async Task<string> ExistingPeriodsAsync(IServiceProvider services, SummaryRequest request, CancellationToken cancellationToken)
    {
        var basis = request.Basis.ToWireName();
        var periods = await services.GetRequiredService<IComparisonStore>().ListPeriodsAsync(request.Dataset, request.Basis, cancellationToken);
        if (periods.Count == 0)
        {
            return request.Dataset == DatasetDefinition.DefaultId
                ? $"There are no {basis} comparisons yet."
                : $"Dataset {request.Dataset} has no {basis} comparisons yet.";
        }

        return $"The {basis} periods with a comparison: {string.Join(", ", periods.Select(p => p.Period))}.";
    }
}
