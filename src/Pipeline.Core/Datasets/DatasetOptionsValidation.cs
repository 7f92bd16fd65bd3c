using Microsoft.Extensions.Options;

namespace Pipeline.Core.Datasets;

/// <summary>Reads the dataset definitions when the app starts, so a bad file stops it with the file's name and the problem.</summary>
internal sealed class DatasetOptionsValidation : IValidateOptions<DatasetOptions>
{
    public ValidateOptionsResult Validate(string? name, DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Load();
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is DatasetDefinitionException or IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"The dataset definitions cannot be used: {e.Message}");
        }
    }
}
