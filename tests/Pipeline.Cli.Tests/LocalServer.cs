using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Cli.Commands;

namespace Pipeline.Cli.Tests;

/// <summary>
/// The server <c>pipeline serve</c> runs (ServeCommand.Build), started on a free port over the settings'
/// storage with Azure's table and blob limits enforced, the clock at <see cref="CliRun.Now"/>.
/// </summary>
internal static class LocalServer
{
    public static async Task<WebApplication> StartAsync(
        IReadOnlyDictionary<string, string?> settings, bool identity = false, params HttpPipelinePolicy[] blobPolicies)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var context = new CliContext(TextWriter.Null, TextWriter.Null, configuration, new FakeTimeProvider(CliRun.Now))
        {
            TablePolicies = [new TableLimitsPolicy()],
            BlobPolicies = [.. blobPolicies, new BlobLimitsPolicy()],
        };
        var server = ServeCommand.Build(context, "127.0.0.1", 0, connection: null, identity);
        await server.StartAsync();
        return server;
    }
}
