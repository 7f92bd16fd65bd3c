using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Datasets;
using Pipeline.Core.Releases;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline release schedule|move|list|access</c>: the release calendar of a scheduled dataset (docs/contract.md
/// section 11). A refused schedule or move, or an unknown release, is exit 2 with the reason on stderr.
/// </summary>
internal static class ReleaseCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("release", "Announces, moves and lists the releases of a dataset published on a schedule, and lists who saw one before it was published.")
        {
            Schedule(context), Move(context), List(context), Access(context),
        };
        return command;
    }

    private static Command Schedule(CliContext context)
    {
        var dataset = new Option<string?>("--dataset") { Description = "The scheduled dataset's id.", Required = true };
        var date = new Option<string?>("--date") { Description = "The day of the release, YYYY-MM-DD; it publishes at the dataset's time in its time zone.", Required = true };
        var through = new Option<string?>("--through") { Description = "The last quarter it publishes, YYYY-Qn.", Required = true };
        var title = new Option<string?>("--title") { Description = "Its title (default: the dataset's title and the month the last quarter ends)." };
        var json = new Option<bool>("--json") { Description = "Print the release as POST /api/releases answers it." };
        var connection = StorageCommand.ConnectionOption();
        var command = new Command("schedule", "Announces a release: the figures of every quarter up to --through as accepted at its time, public at that moment.")
        {
            dataset, date, through, title, json, connection,
        };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(context, parse.GetValue(connection), async services =>
        {
            var answer = await services.GetRequiredService<ReleaseCalendar>().ScheduleAsync(
                parse.GetValue(dataset), parse.GetValue(date), parse.GetValue(through), parse.GetValue(title), "cli", cancellationToken);
            return await PrintAsync(context, services, answer, parse.GetValue(json), "Scheduled");
        }));
        return command;
    }

    private static Command Move(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The release's id, such as serious-youth-violence-2027-01-14." };
        var date = new Option<string?>("--date") { Description = "The new day, YYYY-MM-DD.", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why it moves; the calendar shows it to everyone." };
        var json = new Option<bool>("--json") { Description = "Print the release as JSON." };
        var connection = StorageCommand.ConnectionOption();
        var command = new Command("move", "Moves a release not yet published to another day, with a reason.") { id, date, reason, json, connection };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(context, parse.GetValue(connection), async services =>
        {
            var answer = await services.GetRequiredService<ReleaseCalendar>().MoveAsync(parse.GetValue(id)!, parse.GetValue(date), parse.GetValue(reason), "cli", cancellationToken);
            return await PrintAsync(context, services, answer, parse.GetValue(json), "Moved");
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var dataset = StorageCommand.DatasetOption("The dataset's id (default serious-youth-violence).");
        var json = new Option<bool>("--json") { Description = "Print the JSON that GET /api/releases returns." };
        var connection = StorageCommand.ConnectionOption();
        var command = new Command("list", "Lists a dataset's releases, latest first, with their moves.") { dataset, json, connection };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(context, parse.GetValue(connection), async services =>
        {
            var definition = CliContext.Dataset(services, parse.GetValue(dataset));
            var releases = definition.IsScheduled ? await services.GetRequiredService<ReleaseSnapshots>().CalendarAsync(definition, cancellationToken) : [];
            var now = context.TimeProvider.GetUtcNow();
            if (parse.GetValue(json))
            {
                var notes = services.GetRequiredService<ReleaseNotesReader>();
                var withNotes = new List<(Release, ReleaseNotes?)>();
                foreach (var release in releases)
                {
                    withNotes.Add((release, await notes.NotesAsync(definition, release, releases, cancellationToken)));
                }

                await context.Output.WriteAsync(definition.IsScheduled ? Encoding.UTF8.GetString(ReleaseJson.ToUtf8Bytes(withNotes, definition, now)) : "[]");
                return ExitCodes.Success;
            }

            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{definition.Title} ({definition.Id}): ");
            text.Append(!definition.IsScheduled ? "published continuously, no releases.\n" : releases.Count == 0 ? "no release scheduled.\n" : $"{releases.Count} release{(releases.Count == 1 ? "" : "s")}, latest first\n");
            foreach (var release in releases)
            {
                text.Append(Line(release, definition, now));
            }

            await context.Output.WriteAsync(text.ToString());
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Access(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The release's id." };
        var json = new Option<bool>("--json") { Description = "Print [{\"at\", \"principal\", \"request\"}]." };
        var connection = StorageCommand.ConnectionOption();
        var command = new Command("access", "Lists every view of a release before it was published: when, by whom, and what was asked.") { id, json, connection };
        command.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(context, parse.GetValue(connection), async services =>
        {
            if (await services.GetRequiredService<ReleaseCalendar>().FindAsync(parse.GetValue(id), cancellationToken) is not { } release)
            {
                await context.Error.WriteLineAsync(ReleaseCalendar.NoSuchRelease(parse.GetValue(id)));
                return ExitCodes.Usage;
            }

            var definition = CliContext.Dataset(services, release.Dataset);
            var views = await services.GetRequiredService<IReleaseCalendar>().ListAccessAsync(release.Id, cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteAsync(Encoding.UTF8.GetString(ReleaseJson.AccessToUtf8Bytes(views, definition)));
                return ExitCodes.Success;
            }

            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{release.Id}: {views.Count} pre-release view{(views.Count == 1 ? "" : "s")}\n"));
            foreach (var view in views)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {ReleaseTime.Iso(view.At, definition.Publication!)}  {view.Principal}  {view.Request}\n");
            }

            await context.Output.WriteAsync(text.ToString());
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<int> PrintAsync(CliContext context, IServiceProvider services, ReleaseAnswer answer, bool json, string done)
    {
        if (answer.Release is not { } release)
        {
            await context.Error.WriteLineAsync(answer.Problem);
            return ExitCodes.Usage;
        }

        var definition = CliContext.Dataset(services, release.Dataset);
        await context.Output.WriteAsync(json
            ? Encoding.UTF8.GetString(ReleaseJson.ToUtf8Bytes(release, null, definition, context.TimeProvider.GetUtcNow()))
            : $"{done} {Line(release, definition, context.TimeProvider.GetUtcNow()).TrimStart()}");
        return ExitCodes.Success;
    }

    private static string Line(Release release, DatasetDefinition dataset, DateTimeOffset now)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  {release.Id}  {(release.IsPublishedAt(now) ? "published" : "scheduled")} {ReleaseTime.Iso(release.PublishAt, dataset.Publication!)}  to {release.Through}  {release.Title}\n");
        foreach (var move in release.Moves)
        {
            text.Append(CultureInfo.InvariantCulture, $"    moved from {ReleaseTime.Iso(move.From, dataset.Publication!)} to {ReleaseTime.Iso(move.To, dataset.Publication!)}: {move.Reason}\n");
        }

        return text.ToString();
    }
}
