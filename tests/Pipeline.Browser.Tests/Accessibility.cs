using Deque.AxeCore.Commons;

namespace Pipeline.Browser.Tests;

/// <summary>What every page's axe-core check runs (the WCAG 2.2 AA rules) and how its violations are named in a failure.</summary>
internal static class Accessibility
{
    /// <summary>The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA.</summary>
    public static AxeRunOptions WcagAa() => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Each violation as its rule, impact, help and the elements it was found on, so a failing test says where.</summary>
    public static IEnumerable<string> Describe(AxeResultItem[] violations) =>
        violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
}
