using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pipeline.Core.Calendar;
using Pipeline.Core.Releases;

namespace Pipeline.Storage;

/// <summary>
/// The release calendar and the record of pre-release access, in one table (<c>Releases</c>). Each release is an entity in
/// its dataset's partition <c>calendar.&lt;dataset&gt;</c> under its id, with a second entity <c>day.YYYY-MM-DD</c> holding
/// its date: a release is added, or moved, in one transaction with its day's entity, so two releases of a dataset can
/// never share a day, whoever writes at once. Moves are kept in the release's entity as JSON. Each view of a coming
/// release is an entity in the partition <c>access.&lt;release id&gt;</c>, its row key the time and a unique suffix.
/// </summary>
public sealed class TableReleaseCalendar(TableServiceClient service, IOptions<StorageOptions> options) : IReleaseCalendar
{
    private const string DayPrefix = "day.";

    private readonly TableClient _table = (service ?? throw new ArgumentNullException(nameof(service))).GetTableClient(options.Value.ReleasesTable);

    public async Task<IReadOnlyList<Release>> ListAsync(string dataset, CancellationToken cancellationToken = default)
    {
        var releases = new List<Release>();
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == PartitionOf(dataset), cancellationToken: cancellationToken))
            {
                if (!entity.RowKey.StartsWith(DayPrefix, StringComparison.Ordinal))
                {
                    releases.Add(ReleaseOf(entity));
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: no release yet.
        }

        return releases;
    }

    public async Task<Release?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (Release.DatasetOf(id) is not { } dataset)
        {
            return null;
        }

        try
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(dataset), id, cancellationToken: cancellationToken);
            return found.HasValue ? ReleaseOf(found.Value!) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> TryAddAsync(Release release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        try
        {
            await TableWrites.WhenTableExistsAsync(
                _table,
                () => _table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Add, EntityOf(release)),
                        new TableTransactionAction(TableTransactionActionType.Add, DayOf(release)),
                    ],
                    cancellationToken),
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryMoveAsync(Release moved, DateOnly previousDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(moved);
        try
        {
            await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, EntityOf(moved), ETag.All),
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(PartitionOf(moved.Dataset), DayKey(previousDate)), ETag.All),
                    new TableTransactionAction(TableTransactionActionType.Add, DayOf(moved)),
                ],
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task RecordAccessAsync(string releaseId, ReleaseAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        var entity = new TableEntity(
            "access." + releaseId,
            string.Create(CultureInfo.InvariantCulture, $"{access.At.UtcTicks:D19}.{Guid.NewGuid():N}"))
        {
            ["At"] = access.At,
            ["Principal"] = access.Principal,
            ["Request"] = access.Request,
        };
        await TableWrites.WhenTableExistsAsync(_table, () => _table.AddEntityAsync(entity, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<ReleaseAccess>> ListAccessAsync(string releaseId, CancellationToken cancellationToken = default)
    {
        var views = new List<ReleaseAccess>();
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == "access." + releaseId, cancellationToken: cancellationToken))
            {
                views.Add(new ReleaseAccess(entity.GetDateTimeOffset("At") ?? default, entity.GetString("Principal"), entity.GetString("Request")));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: nobody has looked.
        }

        return views; // Row keys are the times, so the query returns them oldest first.
    }

    private static string PartitionOf(string dataset) => "calendar." + dataset;

    private static string DayKey(DateOnly date) => DayPrefix + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TableEntity DayOf(Release release) => new(PartitionOf(release.Dataset), DayKey(release.Date)) { ["Release"] = release.Id };

    private static TableEntity EntityOf(Release release) => new(PartitionOf(release.Dataset), release.Id)
    {
        ["Title"] = release.Title,
        ["Date"] = release.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Through"] = release.Through.ToString(),
        ["PublishAt"] = release.PublishAt,
        ["Moves"] = JsonSerializer.Serialize(release.Moves.Select(m => new[] { m.From.ToString("O", CultureInfo.InvariantCulture), m.To.ToString("O", CultureInfo.InvariantCulture), m.Reason, m.At.ToString("O", CultureInfo.InvariantCulture), m.By }).ToArray()),
        ["ScheduledAt"] = release.ScheduledAt,
        ["ScheduledBy"] = release.ScheduledBy,
    };

    private static Release ReleaseOf(TableEntity entity)
    {
        var moves = JsonSerializer.Deserialize<string[][]>(entity.GetString("Moves") ?? "[]") ?? [];
        return new Release(
            entity.RowKey,
            entity.PartitionKey["calendar.".Length..],
            entity.GetString("Title"),
            DateOnly.ParseExact(entity.GetString("Date"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Quarter.Parse(entity.GetString("Through")),
            entity.GetDateTimeOffset("PublishAt") ?? default,
            [.. moves.Select(m => new ReleaseMove(Instant(m[0]), Instant(m[1]), m[2], Instant(m[3]), m[4]))],
            entity.GetDateTimeOffset("ScheduledAt") ?? default,
            entity.GetString("ScheduledBy"));
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture);
}
