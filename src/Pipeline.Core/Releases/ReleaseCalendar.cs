using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Releases;

/// <summary>
/// Announces and moves releases (docs/contract.md section 11), for <c>pipeline release</c> and <c>POST /api/releases</c>
/// alike, refusing with the parameter at fault and a sentence: a continuous dataset, a date in the past or that the
/// clocks skip, a <c>through</c> quarter that will not have ended by the release, a second release on one day, a move
/// without a reason, a move of a release already published.
/// </summary>
public sealed class ReleaseCalendar(IReleaseCalendar calendar, DatasetRegistry datasets, TimeProvider timeProvider)
{
    public const int MaxTitleLength = 200;
    public const int MaxReasonLength = 500;

    /// <summary>Announces a release of <paramref name="datasetId"/> on <paramref name="date"/> (YYYY-MM-DD) of every quarter up to <paramref name="through"/>.</summary>
    public async Task<ReleaseAnswer> ScheduleAsync(string? datasetId, string? date, string? through, string? title, string by, CancellationToken cancellationToken = default)
    {
        if (!datasets.TryGet(datasetId ?? string.Empty, out var dataset))
        {
            return ReleaseAnswer.Bad("dataset", datasetId is null ? $"Give the dataset to release: one of {datasets.IdList}." : datasets.NoSuchDataset(datasetId));
        }

        if (!dataset.IsScheduled)
        {
            return ReleaseAnswer.Bad("dataset", $"'{dataset.Id}' is published continuously (every accepted upload is public within a minute), so it has no releases. To publish it in releases, give its definition a publication of mode \"scheduled\".");
        }

        if (!TryDate(date, out var day, out var problem) || !TryInstant(dataset, day, out var publishAt, out problem))
        {
            return ReleaseAnswer.Bad("date", problem!);
        }

        if (!Quarter.TryParse(through, out var last))
        {
            return ReleaseAnswer.Bad("through", $"Parameter 'through': '{through}' is not a quarter. Give the last quarter the release publishes, as YYYY-Qn (2024-Q4).");
        }

        if (!last.HasEndedAt(publishAt))
        {
            return ReleaseAnswer.Bad("through", $"{last} will not have ended by the release at {ReleaseTime.Iso(publishAt, dataset.Publication!)}: a release publishes quarters that are over. Give an earlier quarter or a later date.");
        }

        title = string.IsNullOrWhiteSpace(title) ? $"{dataset.Title}: figures to {PeriodLabels.MonthEnding(last)}" : title.Trim();
        if (title.Length > MaxTitleLength || title.Any(char.IsControl))
        {
            return ReleaseAnswer.Bad("title", $"Parameter 'title' must be one line of at most {MaxTitleLength} characters.");
        }

        var release = new Release(Release.IdOf(dataset.Id, day), dataset.Id, title, day, last, publishAt, [], timeProvider.GetUtcNow(), by);
        return await calendar.TryAddAsync(release, cancellationToken)
            ? new ReleaseAnswer(release, null, null, null)
            : ReleaseAnswer.Taken($"{dataset.Id} already has a release on {day:yyyy-MM-dd} (or one announced for that day and since moved): one release of a dataset a day. Choose another date, or move that release.");
    }

    /// <summary>Moves release <paramref name="id"/> to <paramref name="date"/>, for <paramref name="reason"/>, which the calendar shows.</summary>
    public async Task<ReleaseAnswer> MoveAsync(string id, string? date, string? reason, string by, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is not { } release)
        {
            return ReleaseAnswer.Missing(NoSuchRelease(id));
        }

        var dataset = datasets.Get(release.Dataset);
        var now = timeProvider.GetUtcNow();
        if (release.IsPublishedAt(now))
        {
            return ReleaseAnswer.Bad("id", $"{release.Id} was published at {ReleaseTime.Iso(release.PublishAt, dataset.Publication!)}: a published release cannot be moved. Schedule a new release for the figures to come.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ReleaseAnswer.Bad("reason", "Give the reason for the move (--reason): the calendar shows it to everyone, as the Code of Practice asks.");
        }

        if (reason.Length > MaxReasonLength || reason.Any(char.IsControl))
        {
            return ReleaseAnswer.Bad("reason", $"The reason must be one line of at most {MaxReasonLength} characters.");
        }

        if (!TryDate(date, out var day, out var problem) || !TryInstant(dataset, day, out var publishAt, out problem))
        {
            return ReleaseAnswer.Bad("date", problem!);
        }

        if (day == release.Date)
        {
            return ReleaseAnswer.Bad("date", $"{release.Id} is already due on {day:yyyy-MM-dd}.");
        }

        if (!release.Through.HasEndedAt(publishAt))
        {
            return ReleaseAnswer.Bad("date", $"{release.Through} will not have ended by {ReleaseTime.Iso(publishAt, dataset.Publication!)}: a release publishes quarters that are over.");
        }

        var moved = release with
        {
            Date = day, PublishAt = publishAt, Moves = [.. release.Moves, new ReleaseMove(release.PublishAt, publishAt, reason.Trim(), now, by)],
        };
        return await calendar.TryMoveAsync(moved, release.Date, cancellationToken)
            ? new ReleaseAnswer(moved, null, null, null)
            : ReleaseAnswer.Taken($"{dataset.Id} already has a release on {day:yyyy-MM-dd}: one release of a dataset a day. Choose another date.");
    }

    /// <summary>The release of that id, or null (an id that names no dataset is none).</summary>
    public async Task<Release?> FindAsync(string? id, CancellationToken cancellationToken = default) =>
        id is not null && Release.DatasetOf(id) is { } dataset && datasets.TryGet(dataset, out _) ? await calendar.GetAsync(id, cancellationToken) : null;

    /// <summary>What a request naming no release is told.</summary>
    public static string NoSuchRelease(string? id) =>
        $"There is no release '{id}'. A release's id is its dataset's id and the date it was announced for, such as serious-youth-violence-2027-01-14; GET /api/releases?dataset=D lists them.";

    private DateTimeOffset Now => timeProvider.GetUtcNow();

    private static bool TryDate(string? text, out DateOnly day, out string? problem)
    {
        problem = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            ? null
            : $"Parameter 'date': '{text}' is not a date. Give the day of the release as YYYY-MM-DD (2027-01-14).";
        return problem is null;
    }

    private bool TryInstant(DatasetDefinition dataset, DateOnly day, out DateTimeOffset publishAt, out string? problem)
    {
        if (!ReleaseTime.TryInstant(dataset.Publication!, day, out publishAt, out problem))
        {
            return false;
        }

        if (publishAt <= Now)
        {
            problem = $"{ReleaseTime.Iso(publishAt, dataset.Publication!)} is in the past: a release is announced in advance. Choose a later date.";
            return false;
        }

        return true;
    }
}

/// <summary>A release announced or moved, or why not: the parameter at fault and a sentence, and whether it is a 404 or a 409 rather than a 400.</summary>
public sealed record ReleaseAnswer(Release? Release, string? Parameter, string? Problem, ReleaseRefusal? Refusal)
{
    public static ReleaseAnswer Bad(string parameter, string problem) => new(null, parameter, problem, ReleaseRefusal.BadInput);

    public static ReleaseAnswer Missing(string problem) => new(null, "id", problem, ReleaseRefusal.NotFound);

    public static ReleaseAnswer Taken(string problem) => new(null, "date", problem, ReleaseRefusal.DateTaken);
}

/// <summary>Why a schedule or move was refused: bad input (400, exit 2), no such release (404), the day taken (409).</summary>
public enum ReleaseRefusal
{
    BadInput,
    NotFound,
    DateTaken,
}
