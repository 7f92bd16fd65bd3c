using System.Collections.Immutable;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Storage;

/// <summary>
/// The accepted figures in Azure Table Storage: one entity per dataset and quarter holding every area's figures and the
/// file they came from. The partition is <c>quarter</c> for the default dataset (as before datasets existed, so older
/// storage reads as it is) and <c>quarter.&lt;dataset id&gt;</c> for the others; the row key is the quarter,
/// <c>2024-Q3</c>. A correction replaces the whole entity in one write, so a reader sees either the old version or the
/// new one, never a mix.
/// </summary>
public sealed class TableAcceptedQuarterStore(TableServiceClient service, DatasetRegistry datasets, IOptions<StorageOptions> options) : IAcceptedQuarterStore
{
    internal const string Partition = "quarter";

    private readonly TableClient _table = service.GetTableClient(options.Value.AcceptedQuartersTable);

    internal static string PartitionOf(string dataset) => dataset == DatasetDefinition.DefaultId ? Partition : $"{Partition}.{dataset}";

    public async Task<AcceptedQuarterVersion?> GetAsync(string dataset, Quarter quarter, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(dataset), quarter.ToString(), cancellationToken: cancellationToken);
            return response.HasValue ? new AcceptedQuarterVersion(FromEntity(response.Value!), response.Value!.ETag.ToString()) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // No table yet: nothing accepted yet.
        }
    }

    public async Task<bool> TryReplaceAsync(AcceptedQuarter replacement, AcceptedQuarterVersion? expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var entity = ToEntity(replacement);
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
            // One query for every dataset: the partitions are quarter and quarter.<id>, which sort between these bounds.
            var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Partition} and PartitionKey lt {Partition + "/"}");
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                // A dataset whose definition was removed keeps its figures in storage, untouched, but is not compared:
                // its quarters are left out rather than stopping every other dataset's recalculation.
                if ((entity.PartitionKey == Partition || entity.PartitionKey.StartsWith(Partition + ".", StringComparison.Ordinal)) &&
                    datasets.TryGet(DatasetOf(entity), out _))
                {
                    quarters.Add(FromEntity(entity));
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        quarters.Sort((a, b) => a.Dataset != b.Dataset ? string.CompareOrdinal(a.Dataset, b.Dataset) : a.Quarter.CompareTo(b.Quarter));
        return quarters;
    }

    private TableEntity ToEntity(AcceptedQuarter quarter)
    {
        var dataset = datasets.Get(quarter.Dataset);
        var entity = new TableEntity(PartitionOf(quarter.Dataset), quarter.Quarter.ToString())
        {
            ["File"] = quarter.File,
            ["Sha256"] = quarter.Sha256,
            ["UploadedAt"] = quarter.UploadedAt,
            ["AcceptedAt"] = quarter.AcceptedAt,
            ["AreaCount"] = quarter.Areas.Count,
        };

        // Totals beside the figures, for anyone reading the table with Storage Explorer: Offences, KnifeOffences...
        for (var i = 0; i < dataset.Fields.Count; i++)
        {
            entity[PascalCase(dataset.Fields[i].Name)] = quarter.Areas.Sum(a => a.Counts[i]);
        }

        var rows = quarter.Areas.Select(a => new FigureRow(
            a.AreaCode, a.AreaName, dataset.Fields.Select((f, i) => (f.Name, a.Counts[i])).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal))).ToArray();
        TableWrites.SetChunked(entity, "Figures", JsonSerializer.Serialize(rows, StorageJson.Default.FigureRowArray));
        return entity;
    }

    private AcceptedQuarter FromEntity(TableEntity entity)
    {
        var dataset = datasets.Get(DatasetOf(entity));
        using var json = JsonDocument.Parse(TableWrites.GetChunked(entity, "Figures"));
        var areas = new List<AreaFigures>();
        foreach (var row in json.RootElement.EnumerateArray())
        {
            var counts = new long[dataset.Fields.Count];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = row.TryGetProperty("counts", out var byName)
                    ? byName.GetProperty(dataset.Fields[i].Name).GetInt64()
                    : row.GetProperty(CamelCase(dataset.Fields[i].Name)).GetInt64(); // written before datasets: "knifeOffences"
            }

            areas.Add(new AreaFigures(row.GetProperty("code").GetString()!, row.GetProperty("name").GetString()!, ImmutableArray.Create(counts)));
        }

        return new AcceptedQuarter(
            Quarter.Parse(entity.RowKey),
            entity.GetString("File"),
            entity.GetString("Sha256"),
            entity.GetDateTimeOffset("UploadedAt") ?? default,
            entity.GetDateTimeOffset("AcceptedAt") ?? default,
            areas,
            dataset.Id);
    }

    private static string DatasetOf(TableEntity entity) =>
        entity.PartitionKey == Partition ? DatasetDefinition.DefaultId : entity.PartitionKey[(Partition.Length + 1)..];

    /// <summary><c>knife_offences</c> becomes <c>KnifeOffences</c>.</summary>
    private static string PascalCase(string field) =>
        string.Concat(field.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary><c>knife_offences</c> becomes <c>knifeOffences</c>.</summary>
    private static string CamelCase(string field)
    {
        var pascal = PascalCase(field);
        return char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }
}
