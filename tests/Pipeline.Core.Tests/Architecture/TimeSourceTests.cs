using System.Text.RegularExpressions;

namespace Pipeline.Core.Tests.Architecture;

/// <summary>
/// Time comes from .NET's TimeProvider everywhere in the app (issue #25): a release becomes public at its instant by the
/// clock the app was given, so no source may read the machine's clock directly, and tests drive it with FakeTimeProvider.
/// </summary>
public sealed partial class TimeSourceTests
{
    [Fact]
    public void No_source_reads_the_clock_except_through_TimeProvider()
    {
        var src = RepositoryRoot.Combine("src");
        var offenders = Directory.GetFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Clock().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories).Length > 100, $"{src} is not the sources folder.");
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("var now = DateTime.UtcNow;")]
    [InlineData("x = DateTimeOffset.Now.AddDays(1)")]
    [InlineData("System.DateTime.Today")]
    [InlineData("DateTimeOffset.UtcNow")]
    public void The_scan_finds_each_way_of_reading_the_machine_clock(string line) => Assert.Matches(Clock(), line);

    [Theory]
    [InlineData("timeProvider.GetUtcNow()")]
    [InlineData("DateTimeOffset.UtcNowish")]
    public void The_scan_leaves_the_time_provider_alone(string line) => Assert.DoesNotMatch(Clock(), line);

    [GeneratedRegex(@"\bDateTime(Offset)?\.(UtcNow|Now|Today)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();
}
