namespace Pipeline.Core.Datasets;

public static partial class DatasetDefinitionReader
{
    /// <summary>The largest count a return may carry by default (<c>Validation:MaxValue</c>): a rule reaching it withholds every count.</summary>
    internal const long LargestCount = 1_000_000;

    /// <summary>The longest symbol for a withheld value (GSS uses <c>[c]</c>, <c>[x]</c>, <c>[low]</c>).</summary>
    private const int LongestSymbol = 10;

    /// <summary>Adds a sentence to <paramref name="problems"/> for each way the <c>disclosure</c> rule cannot be used.</summary>
    private static void CheckDisclosure(DatasetDefinition definition, List<string> problems)
    {
        if (definition.Disclosure is not { } disclosure)
        {
            return;
        }

        if (disclosure.Suppress is not { } range)
        {
            problems.Add("'disclosure' needs 'suppress': {\"from\", \"to\"}, the smallest and largest counts withheld for being small.");
        }
        else if (range.From < 1 || range.To < range.From)
        {
            problems.Add($"'disclosure.suppress' withholds nothing: 'from' must be 1 or more (zero is never withheld for being small) and 'to' at least 'from' (they are {range.From} and {range.To}).");
        }
        else if (range.To >= LargestCount)
        {
            problems.Add($"'disclosure.suppress' would withhold every area: 'to' ({range.To}) must be below {LargestCount:N0}, the largest count a return carries.");
        }

        if (disclosure.RoundTo is { } step && step < 1)
        {
            problems.Add($"'disclosure.roundTo' must be 1 or more (it is {step}); leave it out to publish counts unrounded.");
        }

        if (string.IsNullOrWhiteSpace(disclosure.Symbol) || disclosure.Symbol.Length > LongestSymbol || disclosure.Symbol.Trim() != disclosure.Symbol)
        {
            problems.Add($"'disclosure.symbol' must be 1 to {LongestSymbol} characters with no space at either end, such as \"[c]\" (it is '{disclosure.Symbol}').");
        }

        if (definition.Areas is { Count: 1 })
        {
            problems.Add("'disclosure' needs at least two areas: with one, the total is the area, and publishing either gives the other away.");
        }
    }
}
