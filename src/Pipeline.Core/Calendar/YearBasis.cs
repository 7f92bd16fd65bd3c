using System.Text.Json.Serialization;

namespace Pipeline.Core.Calendar;

/// <summary>
/// How quarters are grouped into years: calendar (January to December), financial (April to March), or rolling (the
/// four quarters ending with any quarter, the "year ending" form police and ONS crime statistics use).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<YearBasis>))]
public enum YearBasis
{
    [JsonStringEnumMemberName(YearBasisNames.Calendar)]
    Calendar,

    [JsonStringEnumMemberName(YearBasisNames.Financial)]
    Financial,

    [JsonStringEnumMemberName(YearBasisNames.Rolling)]
    Rolling,
}
