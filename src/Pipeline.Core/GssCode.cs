using System.Text.RegularExpressions;

namespace Pipeline.Core;

/// <summary>
/// An ONS GSS code, as an area is named in a return, a summary's <c>area=</c> and a series' <c>area=</c>: a letter for the
/// nation and eight digits (E08000025). One pattern and one sentence for every face that checks one.
/// </summary>
public static partial class GssCode
{
    /// <summary>The pattern, unanchored (Table Schema anchors its patterns itself).</summary>
    public const string Pattern = "[EWSNK][0-9]{8}";

    public static bool IsValid(string text) => Anchored().IsMatch(text);

    /// <summary>What a parameter <paramref name="parameter"/> holding <paramref name="text"/>, not a GSS code, is told.</summary>
    public static string NotACode(string parameter, string text) =>
        $"Parameter '{parameter}': '{text}' is not an ONS GSS code. Use a code such as E08000025.";

    [GeneratedRegex("^" + Pattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex Anchored();
}
