using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Summaries;

/// <summary>An RFC 9457 problem detail, with the offending parameter named where there is one.</summary>
public sealed record SummaryProblem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("parameter"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Parameter)
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    public static SummaryProblem BadParameter(string parameter, string detail) =>
        new("about:blank", "Bad Request", 400, detail, parameter);

    public static SummaryProblem NotFound(string detail) =>
        new("about:blank", "Not Found", 404, detail, null);

    public byte[] ToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(this, SummaryProblemJson.Default.SummaryProblem);
}
