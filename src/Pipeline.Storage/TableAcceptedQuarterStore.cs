using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pipeline.Core;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Returns;

namespace Pipeline.Storage;

/// <summary>
/// The accepted figures in Azure Table Storage: one entity per quarter (partition <c>quarter</c>, row key <c>2024-Q3</c>)
/// holding every area's figures and the file they came from. A correction replaces the whole entity in one write, so a
/// reader sees either the old version or the new one, never a mix.
/// </summary>
public sealed class TableAcceptedQuarterStore(TableServiceClient service, IOptions<StorageOptions> options) : IAcceptedQuarterStore
{
    internal const string Partition = "quarter";

    private readonly TableClient _table = service.GetTableClient(options.Value.AcceptedQuartersTable);

    public async Task<AcceptedQuarterVersion?> GetAsync(Quarter quarter, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, quarter.ToString(), cancellationToken: cancellationToken);
            return response.HasValue ? new AcceptedQuarterVersion(FromEntity(response.Value!), response.Value!.ETag.ToString()) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // No table yet: nothing accepted yet.
        }
    }

    public async Task<bool> TryReplaceAsync(AcceptedQuarter next, AcceptedQuarterVersion? expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        var entity = ToEntity(next);
        try
        {
            await TableWrites.WhenTableExistsAsync(
                _table,
                () => expected is null
                    ? _table.AddEntityAsync(entity, cancellationToken)
                    : _table.UpdateEntityAsync(entity, new ETag(expected.ConcurrencyToken), TableUpdateMode.Replace, cancellationToken),
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<AcceptedQuarter>> ListAsync(CancellationToken cancellationToken = default)
    {
        var quarters = new List<AcceptedQuarter>();
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
            {
                quarters.Add(FromEntity(entity));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        quarters.Sort((a, b) => a.Quarter.CompareTo(b.Quarter));
        return quarters;
    }

    private static TableEntity ToEntity(AcceptedQuarter quarter)
    {
        var entity = new TableEntity(Partition, quarter.Quarter.ToString())
        {
            ["File"] = quarter.File,
            ["Sha256"] = quarter.Sha256,
            ["UploadedAt"] = quarter.UploadedAt,
            ["AcceptedAt"] = quarter.AcceptedAt,
            ["AreaCount"] = quarter.Areas.Count,
            // Totals beside the figures, for anyone reading the table with Storage Explorer.
            ["Offences"] = quarter.Areas.Sum(a => a.Offences),
            ["KnifeOffences"] = quarter.Areas.Sum(a => a.KnifeOffences),
            ["PositiveOutcomes"] = quarter.Areas.Sum(a => a.PositiveOutcomes),
        };
        var rows = quarter.Areas.Select(a => new FigureRow(a.AreaCode, a.AreaName, a.Offences, a.KnifeOffences, a.PositiveOutcomes)).ToArray();
        TableWrites.SetChunked(entity, "Figures", JsonSerializer.Serialize(rows, StorageJson.Default.FigureRowArray));
        return entity;
    }

    private static AcceptedQuarter FromEntity(TableEntity entity)
    {
        var rows = JsonSerializer.Deserialize(TableWrites.GetChunked(entity, "Figures"), StorageJson.Default.FigureRowArray) ?? [];
        return new AcceptedQuarter(
            Quarter.Parse(entity.RowKey),
            entity.GetString("File"),
            entity.GetString("Sha256"),
            entity.GetDateTimeOffset("UploadedAt") ?? default,
            entity.GetDateTimeOffset("AcceptedAt") ?? default,
            [.. rows.Select(r => new AreaFigures(r.Code, r.Name, r.Offences, r.KnifeOffences, r.PositiveOutcomes))]);
    }
}

internal sealed record FigureRow(string Code, string Name, long Offences, long KnifeOffences, long PositiveOutcomes);
