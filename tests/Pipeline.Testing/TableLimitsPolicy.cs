using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Testing;

/// <summary>
/// Azurite accepts entities and batches that Azure Table Storage refuses. This policy, on every table client the tests
/// make, measures each entity written as Azure does (its documented size formula, strings as UTF-16) and each batch, and
/// fails the request as Azure would: entity over 1 MiB, a string property over 64 KiB, more than 252 properties, a
/// batch of more than 100 operations, over 4 MiB, or across partitions.
/// </summary>
public sealed class TableLimitsPolicy : HttpPipelinePolicy
{
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxStringBytes = 64 * 1024;
    public const int MaxProperties = 252;
    public const int MaxBatchOperations = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    private static void Check(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = message.Request;
        if (request.Content is null || request.Method == RequestMethod.Get || request.Method == RequestMethod.Delete)
        {
            return;
        }

        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, CancellationToken.None);
        var body = buffer.ToArray();
        if (request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
        {
            CheckBatch(body);
        }
        else if (body.Length > 0 && body[0] == (byte)'{')
        {
            CheckEntity(body);
        }
    }

    private static void CheckBatch(byte[] body)
    {
        if (body.Length > MaxBatchBytes)
        {
            throw Refused("RequestBodyTooLarge", $"The batch is {body.Length:N0} bytes, over Azure's 4 MiB.");
        }

        var entities = Encoding.UTF8.GetString(body).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{')).ToList();
        if (entities.Count > MaxBatchOperations)
        {
            throw Refused("InvalidInput", $"The batch has {entities.Count} operations, over Azure's 100.");
        }

        var partitions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            partitions.Add(CheckEntity(Encoding.UTF8.GetBytes(entity)));
        }

        if (partitions.Count > 1)
        {
            throw Refused("CommandsInBatchActOnDifferentPartitions", "A batch must keep to one partition.");
        }
    }

    /// <summary>Checks one entity's JSON and returns its partition key.</summary>
    private static string CheckEntity(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var partition = root.TryGetProperty("PartitionKey", out var pk) ? pk.GetString() ?? string.Empty : string.Empty;
        var row = root.TryGetProperty("RowKey", out var rk) ? rk.GetString() ?? string.Empty : string.Empty;
        long size = 4 + (2L * (partition.Length + row.Length));
        var properties = 0;
        foreach (var property in root.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.Contains("@odata", StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal) ||
                property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            properties++;
            var type = root.TryGetProperty(name + "@odata.type", out var declared) ? declared.GetString() : null;
            size += 8 + (2L * name.Length) + ValueSize(name, property.Value, type);
        }

        if (properties > MaxProperties)
        {
            throw Refused("TooManyProperties", $"The entity has {properties} properties, over Azure's 252.");
        }

        if (size > MaxEntityBytes)
        {
            throw Refused("EntityTooLarge", $"The entity {partition}/{row} is {size:N0} bytes by Azure's formula, over 1 MiB.");
        }

        return partition;
    }

    private static long ValueSize(string name, JsonElement value, string? type)
    {
        switch (type)
        {
            case "Edm.Int64":
            case "Edm.DateTime":
            case "Edm.Double":
                return 8;
            case "Edm.Guid":
                return 16;
            case "Edm.Binary":
                return Convert.FromBase64String(value.GetString() ?? string.Empty).Length + 4;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var bytes = 2L * value.GetString()!.Length;
                if (bytes > MaxStringBytes)
                {
                    throw Refused("PropertyValueTooLarge", $"The property {name} is {bytes:N0} bytes as UTF-16, over Azure's 64 KiB.");
                }

                return bytes + 4;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return 1;
            case JsonValueKind.Number:
                return value.TryGetInt32(out _) ? 4 : 8;
            default:
                return 0;
        }
    }

    private static RequestFailedException Refused(string code, string message) => new(400, message, code, innerException: null);
}
