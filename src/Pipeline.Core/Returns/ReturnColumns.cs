namespace Pipeline.Core.Returns;

/// <summary>The required columns of a quarterly return, spelled as the contract spells them.</summary>
public static class ReturnColumns
{
    public const string Quarter = "quarter";
    public const string AreaCode = "area_code";
    public const string AreaName = "area_name";
    public const string Offences = "offences";
    public const string KnifeOffences = "knife_offences";
    public const string PositiveOutcomes = "positive_outcomes";

    /// <summary>All required columns, in the order the samples and templates use.</summary>
    public static IReadOnlyList<string> All { get; } = [Quarter, AreaCode, AreaName, Offences, KnifeOffences, PositiveOutcomes];
}
