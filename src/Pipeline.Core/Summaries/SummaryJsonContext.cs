using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Summaries;

/// <summary>Source-generated metadata for the summary document; used through <see cref="SummaryJson"/>.</summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(PeriodJsonConverter), typeof(QuarterJsonConverter)],
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SummaryDocument))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;

/// <summary>A period as its display form (<c>2024</c>, <c>2024/25</c>); the form says the basis, so it reads back alone.</summary>
internal sealed class PeriodJsonConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        var basis = text is { Length: 7 } && text[4] == '/' ? YearBasis.Financial : YearBasis.Calendar;
        return (text is { Length: 4 } || basis == YearBasis.Financial) && Period.TryParse(basis, text, out var period)
            ? period
            : throw new JsonException($"'{text}' is not a period of the form 2024 or 2024/25.");
    }

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

/// <summary>A quarter as <c>YYYY-Qn</c>.</summary>
internal sealed class QuarterJsonConverter : JsonConverter<Quarter>
{
    public override Quarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Quarter.TryParse(reader.GetString(), out var quarter)
            ? quarter
            : throw new JsonException("Not a quarter of the form YYYY-Qn.");

    public override void Write(Utf8JsonWriter writer, Quarter value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
