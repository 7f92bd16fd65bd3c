using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace Pipeline.Storage;

/// <summary>Helpers shared by the table adapters.</summary>
internal static class TableWrites
{
    /// <summary>A string property holds at most 64 KiB (32K UTF-16 characters); longer text is split across numbered properties.</summary>
    private const int ChunkChars = 30_000;

    /// <summary>Runs a write; if the table does not exist yet, creates it once and runs the write again.</summary>
    public static async Task<T> WhenTableExistsAsync<T>(TableClient table, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        try
        {
            return await write();
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == TableErrorCode.TableNotFound)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            return await write();
        }
    }

    public static void SetChunked(TableEntity entity, string name, string text)
    {
        var chunks = (text.Length + ChunkChars - 1) / ChunkChars;
        entity[name + "Chunks"] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            var start = i * ChunkChars;
            entity[name + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = text.Substring(start, Math.Min(ChunkChars, text.Length - start));
        }
    }

    public static string GetChunked(TableEntity entity, string name)
    {
        var chunks = entity.GetInt32(name + "Chunks") ?? 0;
        return string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
