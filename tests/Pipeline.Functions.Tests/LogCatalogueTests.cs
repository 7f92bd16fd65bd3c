using System.Reflection;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Ingestion;
using Pipeline.Storage;
using Pipeline.Web;

namespace Pipeline.Functions.Tests;

/// <summary>
/// An operator filters and alerts on event ids, so each one means one thing: every [LoggerMessage] of the five projects
/// has an id no other has, and a name (its method's).
/// </summary>
public sealed class LogCatalogueTests
{
    [Fact]
    public void Every_log_event_of_the_solution_has_its_own_id_and_a_name()
    {
        var events = Assemblies().SelectMany(LogMethodsOf).ToList();

        Assert.NotEmpty(events);
        var shared = events.GroupBy(e => e.Attribute.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Name))}");
        Assert.Empty(shared);
        Assert.Empty(events.Where(e => e.Attribute.EventId <= 0).Select(e => e.Name));
        Assert.Empty(events.Where(e => e.Attribute.EventName != e.Method.Name).Select(e => e.Name));
    }

    [Fact]
    public void The_catalogue_test_reads_all_five_projects()
    {
        Assert.Equal(
            ["Pipeline.Core", "Pipeline.Functions", "Pipeline.Storage", "Pipeline.Web", "pipeline"],
            Assemblies().Select(a => a.GetName().Name!).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<Assembly> Assemblies() =>
    [
        typeof(UploadProcessor).Assembly,
        typeof(StorageOptions).Assembly,
        typeof(WebResult).Assembly,
        typeof(SweepUploads).Assembly,
        Assembly.LoadFrom(CliAssemblyPath()),
    ];

    private static string CliAssemblyPath() =>
        typeof(LogCatalogueTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "PipelineCliAssembly").Value!;

    private static IEnumerable<(string Name, MethodInfo Method, LoggerMessageAttribute Attribute)> LogMethodsOf(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select ($"{type.FullName}.{method.Name}", method, attribute);
}
