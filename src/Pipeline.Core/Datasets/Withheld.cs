namespace Pipeline.Core.Datasets;

/// <summary>
/// How a withheld value is held inside the documents between the disclosure step and the writers: a count as
/// <see cref="Count"/>, a percentage or rate as <see cref="Percentage"/>. No real figure is either (counts are whole numbers
/// from 0 up to the return's maximum, and their changes far from it). The JSON writers turn either into <c>null</c> with
/// <c>"&lt;key&gt;Suppressed": true</c> beside it, the CSV writers and pages into the dataset's symbol.
/// </summary>
public static class Withheld
{
    public const long Count = long.MinValue;

    public static readonly decimal Percentage = decimal.MinValue;

    public static bool Is(long value) => value == Count;

    public static bool Is(decimal? value) => value == Percentage;

    /// <summary>The symbol to show for a withheld value of <paramref name="dataset"/> (<c>[c]</c> unless it says otherwise).</summary>
    public static string SymbolOf(DatasetDefinition? dataset) => dataset?.Disclosure?.Symbol ?? DatasetDisclosure.DefaultSymbol;
}
