using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core;
using Pipeline.Core.Datasets;
using Pipeline.Core.Validation;

namespace Pipeline.Validate;

/// <summary>
/// <c>pipeline-validate</c>: composes Core as <c>pipeline validate</c> does (settings from the environment, checked before
/// any work; the datasets) and runs the same <see cref="LocalValidation"/>, so the reports are the same bytes.
/// </summary>
internal static class ValidateApp
{
    private const int Success = 0;
    private const int Rejected = 1;
    private const int Usage = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (arguments, problem) = Arguments.Parse(args);
        if (arguments is null)
        {
            await stderr.WriteLineAsync(problem);
            await stderr.WriteLineAsync("Run 'pipeline-validate --help' for usage.");
            return Usage;
        }

        if (arguments.Help)
        {
            await stdout.WriteLineAsync(Arguments.Usage);
            return Success;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        ReturnValidator validator;
        try
        {
            validator = Compose(configuration, arguments.Dataset);
        }
        catch (InvalidOperationException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return Usage;
        }

        var outcome = await LocalValidation.RunAsync(
            validator, arguments.Files, arguments.Json, arguments.Name, Console.OpenStandardInput, stdout, stderr);
        return outcome switch
        {
            LocalValidationOutcome.Valid => Success,
            LocalValidationOutcome.Invalid => Rejected,
            _ => Usage,
        };
    }

    /// <summary>The validator of <paramref name="datasetId"/>, from Core composed as the CLI and the function app compose it.</summary>
    /// <exception cref="InvalidOperationException">A setting or the dataset is not usable; the message says which.</exception>
    private static ReturnValidator Compose(IConfiguration configuration, string? datasetId)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddPipelineCore(configuration);

        // The storage settings are the operator CLI's to check; this binary never reads them.
        services.Configure<PipelineSettings>(s => s.Known.AddRange(
            configuration.GetSection($"{PipelineSettings.Root}:Storage").GetChildren().Select(c => $"Storage:{c.Key}")));
        using var provider = services.BuildServiceProvider();
        // Every setting the CLI checks before validate runs, so that a bad one is refused here too.
        if (PipelineCoreRegistration.SettingsProblem(provider) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var registry = provider.GetRequiredService<DatasetRegistry>();
        if (datasetId is null)
        {
            return provider.GetRequiredService<ReturnValidators>().For(registry.Default);
        }

        return registry.TryGet(datasetId, out var dataset)
            ? provider.GetRequiredService<ReturnValidators>().For(dataset)
            : throw new InvalidOperationException(registry.NoSuchDataset(datasetId));
    }
}
