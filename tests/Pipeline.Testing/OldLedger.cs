using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Testing;

/// <summary>
/// A ledger as the version before the listing index wrote it (docs/storage.md): each entry in the partition of its name's
/// SHA-256, or of its URL-escaped name (the layout before that), and no index rows. Written here from the documented
/// layout, not through the app, in transactions of up to 100 entries of one partition, so that a large ledger is quick.
/// </summary>
public static class OldLedger
{
    public static async Task WriteAsync(TableClient table, IEnumerable<LedgerEntry> entries, bool escapedNames = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entries);
        await table.CreateIfNotExistsAsync();
        foreach (var partition in entries.GroupBy(e => escapedNames ? Uri.EscapeDataString(e.File) : Hash(e.File)))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, EntityOf(partition.Key, e))));
            }
        }
    }

    /// <summary>
    /// <paramref name="count"/> entries a second apart from <paramref name="start"/> (the newest last): entry i under
    /// violence-admissions/ when i ends in 9, else returns/, named after i / 100 (so at most 100 a partition); rejected
    /// when i is a multiple of 7; quarter 2024-Q((i / 10) mod 4 + 1).
    /// </summary>
    public static List<LedgerEntry> Generate(int count, DateTimeOffset start) =>
    [
        .. Enumerable.Range(0, count).Select(i =>
        {
            var file = string.Create(CultureInfo.InvariantCulture, $"{(i % 10 == 9 ? "violence-admissions" : "returns")}/area-{i / 100:D5}.csv");
            var sha = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i)));
            var rejected = i % 7 == 0;
            var quarter = string.Create(CultureInfo.InvariantCulture, $"2024-Q{(i / 10 % 4) + 1}");
            return new LedgerEntry(
                file, sha, 1_000 + i, start.AddSeconds(i), start.AddSeconds(i).AddMilliseconds(40),
                rejected ? UploadStatus.Rejected : UploadStatus.Accepted, quarter, rejected ? 2 : 0, 1,
                rejected ? file : $"{file[..^4]}.{sha[..12]}.csv", i % 3 == 0 ? UploadSenders.Storage : "alice@example.org", $"\"0x8DD{i:X11}\"");
        }),
    ];

    private static TableEntity EntityOf(string partition, LedgerEntry e) =>
        new(partition, string.Create(CultureInfo.InvariantCulture, $"{e.UploadedAt.UtcTicks:D19}-{e.Sha256[..16]}"))
        {
            ["File"] = e.File,
            ["Sha256"] = e.Sha256,
            ["Size"] = e.Size,
            ["UploadedAt"] = e.UploadedAt,
            ["ProcessedAt"] = e.ProcessedAt,
            ["Status"] = e.Status.ToWire(),
            ["Quarter"] = e.Quarter,
            ["Errors"] = e.Errors,
            ["Warnings"] = e.Warnings,
            ["StoredAs"] = e.StoredAs,
            ["SentBy"] = e.SentBy,
            ["Version"] = e.Version,
            ["Notice"] = e.Notice,
        };

    private static string Hash(string file) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file)));
}
