using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Core.Datasets;
using Pipeline.Core.Validation;

namespace Pipeline.Core;

/// <summary>
/// Fails the start when a population file does not fit the areas of a dataset that uses it: a row for an area that is
/// not configured, or a configured area missing from a year the file covers (<see cref="DatasetRegistry.CheckPopulationAreas"/>).
/// The file's own shape was checked when the registry read it; this is the part that needs the configured areas.
/// </summary>
internal sealed class PopulationAreasValidation(IServiceProvider services) : IValidateOptions<ValidationOptions>
{
    public ValidateOptionsResult Validate(string? name, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DatasetRegistry registry;
        try
        {
            registry = services.GetRequiredService<DatasetRegistry>();
        }
        catch (Exception e) when (e is OptionsValidationException or DatasetDefinitionException)
        {
            // The definitions themselves cannot be read: their own check says so, once.
            return ValidateOptionsResult.Skip;
        }

        var problems = registry.CheckPopulationAreas(options.EffectiveAreas);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"The populations cannot be used: {string.Join(" ", problems)}");
    }
}
