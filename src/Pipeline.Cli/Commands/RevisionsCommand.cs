using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Datasets;
using Pipeline.Core;
using Pipeline.Core.Publication;
using Pipeline.Core.Returns;
using Pipeline.Core.Revisions;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline revisions [--json] [--dataset D]</c>: the revision log, as <c>GET /api/revisions</c> returns it.</summary>
internal static class RevisionsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the JSON that GET /api/revisions returns instead of text." };
        var dataset = StorageCommand.DatasetOption("The dataset's id (default serious-youth-violence).");
        var connection = StorageCommand.ConnectionOption();
        var command = new Command(
            "revisions",
            "Lists every correction of a dataset's quarters, newest first: the file accepted, the one it replaced, and each field's total before and after.")
        {
            json, dataset, connection,
        };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(context, parse.GetValue(connection), async services =>
        {
            var definition = CliContext.Dataset(services, parse.GetValue(dataset));
            var log = await services.GetRequiredService<PublishedFigures>().RevisionsAsync(definition, cancellationToken: cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteAsync(Encoding.UTF8.GetString(RevisionJson.ToUtf8Bytes(log, definition)));
            }
            else
            {
                await context.Output.WriteAsync(Text(log, definition));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The log for people: one block per correction, totals with their change.</summary>
    internal static string Text(IReadOnlyList<QuarterRevision> log, DatasetDefinition dataset)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{dataset.Title} ({dataset.Id}): ");
        if (log.Count == 0)
        {
            return text.Append("no corrections accepted. Every quarter is at revision 1.\n").ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"{log.Count} correction{(log.Count == 1 ? "" : "s")}, newest first\n");
        foreach (var revision in log)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{revision.Quarter} revision {revision.Revision}, accepted {revision.AcceptedAt:yyyy-MM-dd'T'HH:mm:sszzz}\n");
            text.Append(CultureInfo.InvariantCulture, $"  now      {revision.File} (sha256 {revision.Sha256[..12]}, sent by {UploadNames.Visible(revision.SentBy)})\n");
            text.Append(CultureInfo.InvariantCulture, $"  replaced {revision.PreviousFile} (sha256 {revision.PreviousSha256[..12]})\n");
            for (var i = 0; i < dataset.Fields.Count; i++)
            {
                var (before, after) = (revision.PreviousTotals[i], revision.Totals[i]);
                if (dataset.Disclosure is not null)
                {
                    // Published as the public sees them: withheld or rounded, and no change worked from rounded totals.
                    text.Append(CultureInfo.InvariantCulture, $"  {dataset.Fields[i].Title,-24} {Shown(before, dataset),10} -> {Shown(after, dataset),10}\n");
                    continue;
                }

                text.Append(CultureInfo.InvariantCulture, $"  {dataset.Fields[i].Title,-24} {before,10:N0} -> {after,10:N0} ({after - before:+#,0;-#,0;0})\n");
            }
        }

        return text.ToString();
    }

    private static string Shown(long count, DatasetDefinition dataset) =>
        Withheld.Is(count) ? Withheld.SymbolOf(dataset) : count.ToString("N0", CultureInfo.InvariantCulture);
}
