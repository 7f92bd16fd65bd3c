using System.Text.Json.Serialization;

namespace Pipeline.Core.Calendar;

/// <summary>How quarters are grouped into years: calendar (January to December) or financial (April to March).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<YearBasis>))]
public enum YearBasis
{
    [JsonStringEnumMemberName(YearBasisNames.Calendar)]
    Calendar,

    [JsonStringEnumMemberName(YearBasisNames.Financial)]
    Financial,
}
