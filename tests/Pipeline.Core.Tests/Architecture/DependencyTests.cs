using System.Text.RegularExpressions;

namespace Pipeline.Core.Tests.Architecture;

/// <summary>
/// The direction of the references, read from the sources: projects point inwards, Core knows no Azure and no HTTP, and
/// Core's folders form no cycle.
/// </summary>
public sealed partial class DependencyTests
{
    [Fact]
    public void Core_folders_depend_on_each_other_without_a_cycle()
    {
        var graph = CoreFolders().ToDictionary(f => f, f => UsingsOf(Path.Combine(CoreRoot, f)).Where(u => u != f).ToHashSet());

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, $"Core's folders depend on each other in a cycle: {string.Join(" -> ", cycle ?? [])}");
        Assert.Empty(graph["Calendar"]);
        Assert.Empty(graph["Datasets"]);
    }

    [Fact]
    public void Core_uses_no_Azure_no_HTTP_and_none_of_the_other_projects()
    {
        var forbidden = new[] { "using Azure", "using Microsoft.AspNetCore", "using Microsoft.Azure", "using Pipeline.Storage", "using Pipeline.Functions", "using Pipeline.Cli" };
        var offenders = Directory.GetFiles(CoreRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Any(l => forbidden.Any(p => l.StartsWith(p, StringComparison.Ordinal))))
            .Select(f => Path.GetRelativePath(CoreRoot, f));

        Assert.Empty(offenders);
        Assert.DoesNotContain("Azure", File.ReadAllText(Path.Combine(CoreRoot, "Pipeline.Core.csproj")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pipeline.Core", new string[0])]
    [InlineData("Pipeline.Storage", new[] { "Pipeline.Core" })]
    [InlineData("Pipeline.Web", new[] { "Pipeline.Core" })]
    [InlineData("Pipeline.Functions", new[] { "Pipeline.Core", "Pipeline.Storage", "Pipeline.Web" })]
    [InlineData("Pipeline.Cli", new[] { "Pipeline.Core", "Pipeline.Storage", "Pipeline.Web" })]
    [InlineData("Pipeline.Validate", new[] { "Pipeline.Core" })]
    public void Projects_reference_only_inwards(string project, string[] references)
    {
        var csproj = File.ReadAllText(RepositoryRoot.Combine("src", project, project + ".csproj"));

        Assert.Equal(references, ProjectReference().Matches(csproj).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_source_file_is_over_250_lines()
    {
        var long_ = Directory.GetFiles(RepositoryRoot.Combine("src"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".cs" or ".razor")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(RepositoryRoot.Path, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 250);

        Assert.Empty(long_);
    }

    private static string CoreRoot => RepositoryRoot.Combine("src", "Pipeline.Core");

    private static IEnumerable<string> CoreFolders() =>
        Directory.GetDirectories(CoreRoot).Select(Path.GetFileName).OfType<string>().Where(d => d is not ("bin" or "obj"));

    private static IEnumerable<string> UsingsOf(string folder) =>
        Directory.GetFiles(folder, "*.cs").SelectMany(File.ReadLines)
            .Select(l => CoreUsing().Match(l)).Where(m => m.Success).Select(m => m.Groups["folder"].Value).Distinct();

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = graph.Keys.ToDictionary(k => k, _ => 0); // 0 unseen, 1 on the path, 2 done
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node].Where(graph.ContainsKey))
            {
                if (state[next] == 1)
                {
                    return [.. path.SkipWhile(n => n != next), next];
                }

                if (state[next] == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        return graph.Keys.Where(k => state[k] == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"^using Pipeline\.Core\.(?<folder>\w+);")]
    private static partial Regex CoreUsing();

    [GeneratedRegex(@"<ProjectReference Include=""[^""]*[\\/](?<name>[\w.]+)\.csproj""")]
    private static partial Regex ProjectReference();
}
