using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Core.Summaries;
using Pipeline.Core.Validation;
using Pipeline.Storage;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Builds the function app's host the way Program.cs does (<see cref="PipelineHost.Configure"/>), with the settings of
/// local.settings.sample.json, so that a start-up failure in Azure shows here first. The host is built, never started:
/// starting it would connect to the Functions host over gRPC. What starting checks first, the options validated on
/// start, is run through <see cref="IStartupValidator"/> as Host.StartAsync runs it.
/// </summary>
public sealed class HostCompositionTests
{
    private static readonly Assembly FunctionApp = typeof(PipelineHost).Assembly;

    [Fact]
    public void The_sample_settings_build_a_host_that_activates_every_function_class()
    {
        using var host = Build(SampleSettings());

        var activated = FunctionClasses().Select(type => ActivatorUtilities.CreateInstance(host.Services, type)).ToList();

        Assert.Equal(FunctionClasses(), activated.Select(f => f.GetType()));
    }

    [Fact]
    public void Every_service_the_sample_host_registers_can_be_constructed_from_its_registrations()
    {
        using var host = Build(SampleSettings(), new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(host.Services.GetService<IStartupValidator>());
    }

    [Fact]
    public void Reflection_finds_exactly_the_functions_the_worker_sdk_declares_to_the_host()
    {
        var declared = FunctionClasses()
            .SelectMany(type => type.GetMethods())
            .Select(method => method.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

        Assert.Equal(FunctionsMetadataTests.Names.Order(StringComparer.Ordinal), declared);
    }

    [Fact]
    public void The_sample_settings_pass_the_start_up_validation_and_bind_every_options_class()
    {
        using var host = Build(SampleSettings());

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var options = OptionsClasses().ToDictionary(type => type, type => OptionsValue(host.Services, type));

        Assert.Equal([typeof(Core.Datasets.DatasetOptions), typeof(SummaryOptions), typeof(ValidationOptions), typeof(Core.Workbooks.SpreadsheetOptions), typeof(StorageOptions)], options.Keys.OrderBy(t => t.FullName, StringComparer.Ordinal));
        var validation = (ValidationOptions)options[typeof(ValidationOptions)];
        Assert.Equal((10_485_760L, 100, 1_000_000L), (validation.MaxFileBytes, validation.MaxErrors, validation.MaxValue));
        var storage = (StorageOptions)options[typeof(StorageOptions)];
        Assert.Equal(
            ["uploads", "accepted", "rejected", "documents", "AcceptedQuarters", "UploadLedger", "Comparisons", "Releases"],
            [storage.UploadsContainer, storage.AcceptedContainer, storage.RejectedContainer, storage.DocumentsContainer, storage.AcceptedQuartersTable, storage.LedgerTable, storage.ComparisonsTable, storage.ReleasesTable]);
        Assert.Equal(60, ((SummaryOptions)options[typeof(SummaryOptions)]).CacheSeconds);
        Assert.Null(((Core.Workbooks.SpreadsheetOptions)options[typeof(Core.Workbooks.SpreadsheetOptions)]).Contact);
    }

    [Theory]
    [InlineData("Statistics team\nstats@example.org")]
    [InlineData("   ")]
    [InlineData("A contact far longer than any cover should carry, which says who to ask about the figures, and then goes on to say it again, and again, and once more, so that it runs past the two hundred characters the setting allows")]
    public void A_spreadsheet_contact_of_more_than_one_line_or_200_characters_fails_the_start_naming_it(string contact)
    {
        var settings = SampleSettings();
        settings["Pipeline:Spreadsheets:Contact"] = contact;
        using var host = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(host.Services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Matches(@"(^|; )Contact: The (field )?SpreadsheetOptions\.Contact ", failure.Message);
    }

    [Theory]
    [InlineData("Pipeline__Validation__MaxErrors", "0", "MaxErrors")]
    [InlineData("Pipeline__Validation__MaxFileBytes", "0", "MaxFileBytes")]
    [InlineData("Pipeline__Validation__MaxValue", "-1", "MaxValue")]
    [InlineData("UploadsContainer", "Uploads_2024", "UploadsContainer")]
    [InlineData("Pipeline__Storage__RejectedContainer", "", "RejectedContainer")]
    [InlineData("Pipeline__Storage__DocumentsContainer", "Documents", "DocumentsContainer")]
    [InlineData("Pipeline__Storage__LedgerTable", "upload-ledger", "LedgerTable")]
    [InlineData("Pipeline__Summary__CacheSeconds", "86401", "CacheSeconds")]
    public void A_setting_out_of_its_range_fails_the_start_naming_the_setting(string key, string value, string property)
    {
        using var host = Build(SampleSettings((key, value)));

        var failure = Assert.Throws<OptionsValidationException>(host.Services.GetRequiredService<IStartupValidator>().Validate);

        // Worded by the options source generator: "MaxErrors: The field ValidationOptions.MaxErrors must be between 1
        // and 2147483647.", "RejectedContainer: The StorageOptions.RejectedContainer field is required."
        Assert.Matches($@"(^|; ){property}: The (field )?\w+Options\.{property} ", failure.Message);
    }

    [Fact]
    public void A_setting_that_is_not_a_number_fails_the_start_naming_the_setting_in_full()
    {
        using var host = Build(SampleSettings(("Pipeline__Validation__MaxErrors", "ten")));

        var failure = Assert.Throws<InvalidOperationException>(host.Services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains("'Pipeline:Validation:MaxErrors'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_Pipeline_setting_fails_the_start_naming_it_as_written_in_app_settings_and_the_known_ones()
    {
        var settings = SampleSettings();
        settings["Pipeline:Areas:0:Code"] = "E08000025"; // Meant: Pipeline__Validation__Areas__0__Code.
        using var host = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(host.Services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains("The setting Pipeline__Areas__0__Code is not read by the app: correct or remove it. The Pipeline settings are ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Pipeline__Validation__Areas__N__Code, Pipeline__Validation__Areas__N__Name", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Pipeline__Storage__ComparisonsTable", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_datasets_folder_that_cannot_be_used_fails_the_start_saying_why()
    {
        var settings = SampleSettings();
        var missing = Path.Combine(Path.GetTempPath(), "no-such-datasets-" + Guid.NewGuid().ToString("N"));
        settings["Pipeline:Datasets:Path"] = missing;
        using var host = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(host.Services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Equal(typeof(Core.Datasets.DatasetOptions), failure.OptionsType);
        Assert.Equal($"The dataset definitions cannot be used: The datasets folder '{missing}' does not exist.", failure.Message);
    }

    [Fact]
    public void A_population_that_does_not_fit_the_configured_areas_fails_the_start_saying_why()
    {
        var settings = SampleSettings();
        settings["Pipeline:Validation:Areas:0:Code"] = "E08000025";
        settings["Pipeline:Validation:Areas:0:Name"] = "Birmingham";
        using var host = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(host.Services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Equal(typeof(Core.Validation.ValidationOptions), failure.OptionsType);
        Assert.StartsWith("The populations cannot be used: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine("populations", "west-midlands-10-to-24.csv")}: row 3, column area_code: 'E08000026' is not one of the configured areas.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_areas_and_every_known_Pipeline_setting_pass_the_start()
    {
        var settings = SampleSettings();
        settings["Pipeline:Validation:Areas:0:Code"] = "E08000025";
        settings["Pipeline:Validation:Areas:0:Name"] = "Birmingham";
        settings["Pipeline:Datasets:Path"] = ShippedFiles.DatasetsForAreas(Directory.CreateTempSubdirectory("birmingham-").FullName, [("E08000025", "Birmingham")]);
        settings["Pipeline:Storage:AcceptedContainer"] = "accepted2";
        using var host = Build(settings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Without_a_storage_setting_activating_a_function_fails_naming_AzureWebJobsStorage()
    {
        using var host = Build(SampleSettings(("AzureWebJobsStorage", null)));

        var failure = Assert.Throws<InvalidOperationException>(() => ActivatorUtilities.CreateInstance<ValidateUpload>(host.Services));

        Assert.Contains("AzureWebJobsStorage", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The host as Program.cs builds it; the settings are added last, as the Functions host's app settings are.</summary>
    private static IHost Build(IReadOnlyDictionary<string, string?> settings, ServiceProviderOptions? validation = null)
    {
        var builder = CreateBuilder(settings);
        if (validation is not null)
        {
            builder.ConfigureContainer(new DefaultServiceProviderFactory(validation));
        }

        return PipelineHost.Configure(builder).Build();
    }

    /// <summary>
    /// <see cref="Microsoft.Azure.Functions.Worker.Builder.FunctionsApplication.CreateBuilder(string[])"/>, plus what it does only for the entry assembly: in Azure
    /// that is the function app, and the worker runs the extensions' start-up code the SDK generated into it (the blob
    /// extension's); under the test runner the entry assembly is the runner's, so that code is run here by hand.
    /// </summary>
    private static FunctionsApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        var startups = FunctionApp.GetTypes().Where(type => type.IsSubclassOf(typeof(WorkerExtensionStartup))).ToList();
        Assert.NotEmpty(startups);
        foreach (var startup in startups)
        {
            ((WorkerExtensionStartup)Activator.CreateInstance(startup)!).Configure(builder);
        }

        return builder;
    }

    /// <summary>
    /// The Values of local.settings.sample.json as configuration keys: the environment variable provider reads
    /// <c>A__B</c> as <c>A:B</c>. <paramref name="overrides"/> replace values; a null one removes the setting.
    /// </summary>
    private static Dictionary<string, string?> SampleSettings(params (string Key, string? Value)[] overrides)
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => (string?)p.Value.GetString());
        foreach (var (key, value) in overrides)
        {
            Assert.True(values.ContainsKey(key), $"{key} is not in local.settings.sample.json.");
            values[key] = value;
        }

        return values.Where(p => p.Value is not null).ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value);
    }

    /// <summary>Every class of the function app with a [Function] method: the worker activates these from the host's services.</summary>
    private static Type[] FunctionClasses() =>
    [
        .. FunctionApp.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.GetMethods().Any(m => m.IsDefined(typeof(FunctionAttribute))))
            .OrderBy(type => type.FullName, StringComparer.Ordinal),
    ];

    /// <summary>Every options class the app binds: the public classes with a <c>SectionName</c> constant.</summary>
    private static IEnumerable<Type> OptionsClasses() =>
        new[] { typeof(ValidationOptions).Assembly, typeof(StorageOptions).Assembly, FunctionApp }
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    private static object OptionsValue(IServiceProvider services, Type type)
    {
        var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
        try
        {
            return options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }
}
