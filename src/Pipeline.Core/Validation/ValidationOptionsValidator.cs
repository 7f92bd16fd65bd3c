using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Validation;

/// <summary>The ranges of <see cref="ValidationOptions"/>, checked without reflection (AOT-safe), worded as ValidateDataAnnotations words them.</summary>
internal sealed class ValidationOptionsValidator : IValidateOptions<ValidationOptions>
{
    private static readonly RangeAttribute MaxFileBytes = new(1, long.MaxValue);
    private static readonly RangeAttribute MaxErrors = new(1, int.MaxValue);
    private static readonly RangeAttribute MaxValue = new(0, long.MaxValue);

    public ValidateOptionsResult Validate(string? name, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionsRange.Check(failures, nameof(ValidationOptions), nameof(options.MaxFileBytes), options.MaxFileBytes, MaxFileBytes);
        OptionsRange.Check(failures, nameof(ValidationOptions), nameof(options.MaxErrors), options.MaxErrors, MaxErrors);
        OptionsRange.Check(failures, nameof(ValidationOptions), nameof(options.MaxValue), options.MaxValue, MaxValue);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
