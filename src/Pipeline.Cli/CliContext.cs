using System.ComponentModel.DataAnnotations;
using DataAnnotationsResult = System.ComponentModel.DataAnnotations.ValidationResult;
using Microsoft.Extensions.Configuration;
using Pipeline.Core.Validation;

namespace Pipeline.Cli;

/// <summary>What every command shares: the output writers, configuration (environment variables) and the clock.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IConfiguration configuration, TimeProvider timeProvider)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>
    /// The defaults, overridden by configuration (<c>Pipeline__Validation__MaxErrors</c> and so on), checked as the
    /// Functions host checks them on start.
    /// </summary>
    public ValidationOptions ValidationOptions()
    {
        ValidationOptions options;
        try
        {
            options = configuration.GetSection(Core.Validation.ValidationOptions.SectionName).Get<ValidationOptions>() ?? new ValidationOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new CliEnvironmentException($"The validation settings ({Core.Validation.ValidationOptions.SectionName}) cannot be read: {e.Message}");
        }

        var problems = new List<DataAnnotationsResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new CliEnvironmentException(
                $"The validation settings ({Core.Validation.ValidationOptions.SectionName}) are invalid: {string.Join(" ", problems.Select(p => p.ErrorMessage))}");
        }

        return options;
    }
}
