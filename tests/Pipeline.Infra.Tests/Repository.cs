using System.Reflection;

namespace Pipeline.Infra.Tests;

/// <summary>Paths the build bakes into the test assembly (see the csproj).</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string BicepPath { get; } = Metadata("BicepPath");

    public static string Infra(params string[] parts) => Path.Combine([Root, "infra", .. parts]);

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly carries no '{key}' metadata; see Pipeline.Infra.Tests.csproj.");
}
