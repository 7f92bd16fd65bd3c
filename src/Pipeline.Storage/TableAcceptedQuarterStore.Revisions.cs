using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;

namespace Pipeline.Storage;

/// <summary>
/// The revision log: one entity per accepted correction, in the quarter's own partition (so it is written in the same
/// transaction as the correction), row key <c>revision.2024-Q3.00002</c>, holding the version accepted and who sent it
/// (<c>SentBy</c>; read as <c>unknown</c> in entries written before it was recorded), the version it replaced, and each
/// field's total before (<c>PreviousOffences</c>…) and after (<c>Offences</c>…); since releases, also when the replaced
/// version was accepted and who sent it (<c>PreviousAcceptedAt</c>, <c>PreviousSentBy</c>: what a release reads the
/// quarter as at an instant by), and the sender's <c>Reason</c> and <c>Kind</c>.
/// </summary>
public sealed partial class TableAcceptedQuarterStore
{
    /// <summary>The revision log's row keys start with this; it sorts after every quarter (<c>2024-Q3</c>).</summary>
    private const string RevisionPrefix = "revision.";

    public async Task<IReadOnlyList<QuarterRevision>> ListRevisionsAsync(string dataset, CancellationToken cancellationToken = default)
    {
        var definition = _datasets.Get(dataset);
        var revisions = new List<QuarterRevision>();
        try
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {PartitionOf(dataset)} and RowKey ge {RevisionPrefix} and RowKey lt {RevisionPrefix[..^1] + "/"}");
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                revisions.Add(new QuarterRevision(
                    dataset,
                    Quarter.Parse(entity.GetString("Quarter")),
                    entity.GetInt32("Revision") ?? 0,
                    entity.GetDateTimeOffset("AcceptedAt") ?? default,
                    entity.GetString("File"),
                    entity.GetString("Sha256"),
                    entity.GetString("SentBy") ?? UploadSenders.Unknown,
                    entity.GetString("PreviousFile"),
                    entity.GetString("PreviousSha256"),
                    TotalsOf(entity, definition, "Previous") ?? [],
                    TotalsOf(entity, definition, "") ?? [],
                    entity.GetDateTimeOffset("PreviousAcceptedAt"),
                    entity.GetString("PreviousSentBy"),
                    entity.GetString("Reason"),
                    entity.GetString("Kind")));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: nothing accepted yet.
        }

        return revisions;
    }

    private static TableEntity RevisionEntity(AcceptedQuarterRecord replacement, AcceptedQuarterRecord previous, DatasetDefinition dataset, IReadOnlyList<long> previousTotals)
    {
        var entity = new TableEntity(
            PartitionOf(replacement.Dataset),
            string.Create(CultureInfo.InvariantCulture, $"{RevisionPrefix}{replacement.Quarter}.{replacement.Revision:D5}"))
        {
            ["Quarter"] = replacement.Quarter.ToString(),
            ["Revision"] = replacement.Revision,
            ["AcceptedAt"] = replacement.AcceptedAt,
            ["File"] = replacement.File,
            ["Sha256"] = replacement.Sha256,
            ["SentBy"] = replacement.SentBy,
            ["PreviousRevision"] = previous.Revision,
            ["PreviousFile"] = previous.File,
            ["PreviousSha256"] = previous.Sha256,
            ["PreviousAcceptedAt"] = previous.AcceptedAt,
            ["PreviousSentBy"] = previous.SentBy,
            ["Reason"] = replacement.Reason,
            ["Kind"] = replacement.Kind,
        };
        var totals = replacement.Totals!;
        for (var i = 0; i < dataset.Fields.Count; i++)
        {
            var name = InlineFigures.PascalCase(dataset.Fields[i].Name);
            entity[name] = totals[i];
            entity["Previous" + name] = previousTotals[i];
        }

        return entity;
    }

    /// <summary>The replaced version's totals: from its index entity, or, where that lacks them, from its figures.</summary>
    private async Task<IReadOnlyList<long>> TotalsAsync(AcceptedQuarterRecord record, CancellationToken cancellationToken) =>
        record.Totals ?? (await ReadAsync(record, cancellationToken)).Record.Totals!;

    /// <summary>Each field's total stored under <paramref name="prefix"/> + its PascalCase name; null if any is missing.</summary>
    private static long[]? TotalsOf(TableEntity entity, DatasetDefinition dataset, string prefix)
    {
        var totals = new long[dataset.Fields.Count];
        for (var i = 0; i < totals.Length; i++)
        {
            if (entity.TryGetValue(prefix + InlineFigures.PascalCase(dataset.Fields[i].Name), out var value) && value is long or int)
            {
                totals[i] = Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }
            else
            {
                return null;
            }
        }

        return totals;
    }
}
