namespace Pipeline.Core.Comparisons;

/// <summary>
/// The GSS shorthand a published metric object carries (docs/contract.md section 11): <see cref="Provisional"/>,
/// <c>[p]</c>, when it rests on a quarter a release still calls provisional, and <see cref="Revised"/>, <c>[r]</c>, when
/// it differs from what the first release that published it said. Only a scheduled dataset's releases mark anything
/// (Releases/ReleaseMarks.cs); every other document has <see cref="None"/>, and its bytes do not change.
/// </summary>
[Flags]
public enum MetricMarks
{
    None = 0,
    Provisional = 1,
    Revised = 2,
}

/// <summary>The marks' names as the JSON writes them (<c>p</c>, <c>r</c>) and as pages and spreadsheets show them (<c>[p]</c>, <c>[r]</c>).</summary>
public static class MetricMarkNames
{
    /// <summary>The names of <paramref name="marks"/>, provisional first: <c>["p", "r"]</c>.</summary>
    public static IReadOnlyList<string> Names(this MetricMarks marks) =>
        [.. (marks.HasFlag(MetricMarks.Provisional) ? ["p"] : Array.Empty<string>()), .. (marks.HasFlag(MetricMarks.Revised) ? ["r"] : Array.Empty<string>())];

    /// <summary>The marks as shorthand, separated by spaces: <c>"[p] [r]"</c>; empty when there are none.</summary>
    public static string Shorthand(this MetricMarks marks) => string.Join(' ', marks.Names().Select(n => $"[{n}]"));

    /// <summary>The mark a name stands for, or null when it is not one.</summary>
    public static MetricMarks? Parse(string? name) => name switch
    {
        "p" => MetricMarks.Provisional,
        "r" => MetricMarks.Revised,
        _ => null,
    };
}
