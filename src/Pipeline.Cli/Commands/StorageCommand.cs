using System.CommandLine;
using Azure;
using Azure.Identity;

namespace Pipeline.Cli.Commands;

/// <summary>What the commands that use storage share: the <c>--connection</c> option and the handling of storage failures.</summary>
internal static class StorageCommand
{
    public static Option<string?> ConnectionOption() => new("--connection")
    {
        Description = "Storage connection string, used when the AzureWebJobsStorage environment setting is absent. Default: Azurite (UseDevelopmentStorage=true).",
    };

    /// <summary><c>--dataset D</c>: which dataset a command works on (see each command's description).</summary>
    public static Option<string?> DatasetOption(string description) => new("--dataset") { Description = description };

    public const string Hint = "Check AzureWebJobsStorage or --connection, and that the storage (or Azurite) is running.";

    /// <summary>Runs <paramref name="job"/> with the application's services; storage that cannot be reached is exit code 2.</summary>
    public static async Task<int> RunAsync(CliContext context, string? connection, Func<IServiceProvider, Task<int>> job)
    {
        await using var services = context.Services(connection);
        try
        {
            return await job(services);
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AuthenticationFailedException or CredentialUnavailableException or AggregateException or TimeoutException or TaskCanceledException)
        {
            await context.Error.WriteLineAsync($"Storage failed: {Describe(e)}");
            await context.Error.WriteLineAsync(Hint);
            return ExitCodes.Usage;
        }
    }

    private static string Describe(Exception e) => e switch
    {
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => Describe(aggregate.InnerExceptions[^1]),
        RequestFailedException { Status: > 0 } failed => $"{failed.Status} {failed.ErrorCode}: {failed.Message.Split('\n')[0]}",
        _ => e.Message.Split('\n')[0],
    };
}
