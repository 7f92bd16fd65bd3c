using System.Diagnostics;

namespace Pipeline.Infra.Tests;

internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package, offline.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var bicep = Repository.BicepPath;
        if (!File.Exists(bicep))
        {
            throw new InvalidOperationException($"No Bicep CLI at {bicep}; restore the Azure.Bicep.CommandLine.linux-x64 package.");
        }

        EnsureExecutable(bicep);

        var startInfo = new ProcessStartInfo(bicep)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Nothing here may need the network: no registry modules, no update checks, no telemetry.
        startInfo.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {bicep}.");
        using var timeout = new CancellationTokenSource(Timeout);
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new BicepResult(process.ExitCode, await standardOutput, await standardError);
    }

    // NuGet does not always keep the execute bit when it extracts a package.
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}
