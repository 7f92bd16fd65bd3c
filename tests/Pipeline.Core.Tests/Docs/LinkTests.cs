using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Tests.Docs;

/// <summary>
/// The README and the pages of docs/ link only to files and headings that exist, and the README stays the front door:
/// short, and every source file its map names is there.
/// </summary>
public sealed partial class LinkTests
{
    private static readonly string[] Pages =
        [RepositoryRoot.Combine("README.md"), .. Directory.GetFiles(RepositoryRoot.Combine("docs"), "*.md").Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_relative_link_and_anchor_in_the_readme_and_docs_resolves()
    {
        var broken = new List<string>();
        var links = 0;
        foreach (var page in Pages)
        {
            foreach (var target in RelativeLinks(File.ReadAllText(page)))
            {
                links++;
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var destination = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
                var where = $"{Path.GetRelativePath(RepositoryRoot.Path, page)}: ({target})";
                if (!File.Exists(destination) && !Directory.Exists(destination))
                {
                    broken.Add($"{where} names no file");
                }
                else if (anchor is not null && !Anchors(destination).Contains(anchor))
                {
                    broken.Add($"{where} names no heading of {Path.GetRelativePath(RepositoryRoot.Path, destination)}");
                }
            }
        }

        Assert.True(links > 100, $"Only {links} relative links were found: the link pattern has stopped matching.");
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void The_checker_finds_a_broken_anchor_and_a_missing_file()
    {
        const string Text = "# Top\n\n## The `pipeline` CLI: usage\n\n[ok](#the-pipeline-cli-usage) [gone](#nowhere) [code](`x`)\n"
            + "`[inline](not-a-link.md)`\n```text\n[fenced](not-a-link-either.md)\n```\n[web](https://example.org/x.md) [file](missing.md#top)\n";

        Assert.Equal(["#the-pipeline-cli-usage", "#nowhere", "missing.md#top"], RelativeLinks(Text));
        Assert.Equal(["top", "the-pipeline-cli-usage"], HeadingAnchors(Text));
    }

    [Fact]
    public void The_readme_is_under_300_lines()
    {
        var lines = File.ReadAllLines(RepositoryRoot.Combine("README.md")).Length;

        Assert.True(lines < 300, $"README.md has {lines} lines; the manual belongs in docs/.");
    }

    [Fact]
    public void Every_source_file_the_readmes_map_names_exists()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        var paths = SourcePath().Matches(readme).Select(m => m.Value).Distinct().ToList();

        Assert.True(paths.Count >= 10, $"The map names only {paths.Count} source files.");
        Assert.All(paths, p => Assert.True(
            p.Contains('*', StringComparison.Ordinal)
                ? Directory.GetFiles(RepositoryRoot.Combine(Path.GetDirectoryName(p)!), Path.GetFileName(p)).Length > 0
                : File.Exists(RepositoryRoot.Combine(p)),
            $"README.md names {p}, which is not in the repository."));
    }

    /// <summary>The targets of the Markdown links outside code that are not URLs (no scheme such as https: or mailto:).</summary>
    private static List<string> RelativeLinks(string markdown) =>
        [.. LinkTarget().Matches(InlineCode().Replace(Fence().Replace(markdown, ""), ""))
            .Select(m => m.Groups["target"].Value)
            .Where(t => !Scheme().IsMatch(t))];

    private static readonly Dictionary<string, HashSet<string>> AnchorCache = [];

    private static HashSet<string> Anchors(string path)
    {
        lock (AnchorCache)
        {
            if (!AnchorCache.TryGetValue(path, out var anchors))
            {
                anchors = path.EndsWith(".md", StringComparison.Ordinal) ? [.. HeadingAnchors(File.ReadAllText(path))] : [];
                AnchorCache[path] = anchors;
            }

            return anchors;
        }
    }

    /// <summary>GitHub's anchors: the heading lower-cased, punctuation dropped, spaces made hyphens; a repeat gets -1, -2.</summary>
    private static List<string> HeadingAnchors(string markdown)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new List<string>();
        foreach (Match heading in Heading().Matches(Fence().Replace(markdown.ReplaceLineEndings("\n"), "")))
        {
            var slug = new StringBuilder();
            foreach (var c in heading.Groups["text"].Value.Trim())
            {
                if (char.IsLetterOrDigit(c) || c == '_' || c == '-')
                {
                    slug.Append(char.ToLowerInvariant(c));
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            var text = slug.ToString();
            var repeats = seen.GetValueOrDefault(text);
            seen[text] = repeats + 1;
            anchors.Add(repeats == 0 ? text : $"{text}-{repeats}");
        }

        return anchors;
    }

    [GeneratedRegex(@"^(```|~~~).*?^\1", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?: ""[^""]*"")?\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex("^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^#{1,6} +(?<text>.+?) *#*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"src/[A-Za-z0-9_./*]+\.cs")]
    private static partial Regex SourcePath();
}
