using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Tests.Comparisons;

/// <summary>Builds an <see cref="AcceptedQuarter"/> as the storage would hand it to the calculator.</summary>
internal sealed class AcceptedQuarterBuilder
{
    private readonly Quarter quarter;
    private readonly List<AreaFigures> areas = [];

    private AcceptedQuarterBuilder(Quarter quarter) => this.quarter = quarter;

    public static AcceptedQuarterBuilder ForQuarter(string quarter) => new(Quarter.Parse(quarter));

    public AcceptedQuarterBuilder WithArea(string code, string name, long offences, long knifeOffences, long positiveOutcomes)
    {
        areas.Add(new AreaFigures(code, name, offences, knifeOffences, positiveOutcomes));
        return this;
    }

    public AcceptedQuarter Build() => new(
        quarter,
        $"returns/{quarter}.csv",
        FakeSha256(quarter),
        new DateTimeOffset(quarter.LastDay.AddDays(4), TimeOnly.MinValue, TimeSpan.Zero),
        new DateTimeOffset(quarter.LastDay.AddDays(4), TimeOnly.MinValue, TimeSpan.Zero).AddMinutes(1),
        areas.OrderBy(a => a.AreaCode, StringComparer.Ordinal).ToList());

    public static string FakeSha256(Quarter quarter) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(quarter.ToString())));
}
