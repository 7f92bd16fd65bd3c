using System.Text.Json.Serialization;

namespace Pipeline.Core;

/// <summary>A reporting area: an ONS GSS code (for example E08000025) and its name.</summary>
public sealed record Area([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("name")] string Name);
