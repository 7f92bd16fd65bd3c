using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Web;
using Pipeline.Web.Access;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline serve [--port N] [--host H]</c>: the HTTP API (and pages) on Kestrel, over the same handlers as the
/// function app and against the configured storage, until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 7071;

    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = $"The port to listen on (default {DefaultPort}; 0 picks a free one).", DefaultValueFactory = _ => DefaultPort };
        var host = new Option<string>("--host") { Description = "The address to listen on (default 127.0.0.1, this machine only).", DefaultValueFactory = _ => "127.0.0.1" };
        var identity = new Option<bool>("--identity")
        {
            Description = "Read each request's signed-in principal from its X-MS-CLIENT-PRINCIPAL header, as App Service Authentication sends it, and apply the access rules (without it the user is the operator and may do everything).",
        };
        var connection = StorageCommand.ConnectionOption();
        var command = new Command("serve", "Serves the HTTP API and the pages locally, against the configured storage, until Ctrl+C.") { port, host, identity, connection };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(context, parse.GetRequiredValue(host), parse.GetValue(port), parse.GetValue(connection), parse.GetValue(identity), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string host, int port, string? connection, bool identity, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = Build(context, host, port, connection, identity);
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is Microsoft.Extensions.Options.OptionsValidationException or FormatException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new CliEnvironmentException($"The server cannot start: {e.Message}");
        }

        await using var running = app;
        await context.Output.WriteLineAsync($"Pipeline is serving on {string.Join(", ", app.Urls)} (Ctrl+C stops it).");
        await context.Output.FlushAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop taking requests, finish those under way, and leave.
        }

        await app.StopAsync(CancellationToken.None);
        await context.Output.WriteLineAsync("Stopped.");
        return ExitCodes.Success;
    }

    /// <summary>
    /// The local server: the application composed as the function app composes it, and the same routes; every error that
    /// no handler answers (unknown route, wrong method, a '..' segment, a failure) is problem+json like the handlers' own.
    /// </summary>
    internal static WebApplication Build(CliContext context, string host, int port, string? connection, bool identity = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}"));
        context.AddServices(builder.Services, connection);

        // Without --identity the header is ignored and the user is the operator; with it, the header is the principal.
        builder.Services.AddSingleton<ICallers>(identity ? new HeaderCallers() : new OperatorCallers());
        builder.Services.AddPipelineWeb();
        var app = builder.Build();
        app.UsePipelineProblems();
        app.MapPipelineApi();
        app.MapPipelinePages();
        return app;
    }
}
