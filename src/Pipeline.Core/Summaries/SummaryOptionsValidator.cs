using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Summaries;

/// <summary>The range of <see cref="SummaryOptions.CacheSeconds"/>, checked without reflection (AOT-safe), worded as ValidateDataAnnotations words it.</summary>
internal sealed class SummaryOptionsValidator : IValidateOptions<SummaryOptions>
{
    private static readonly RangeAttribute CacheSeconds = new(0, 86_400);

    public ValidateOptionsResult Validate(string? name, SummaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionsRange.Check(failures, nameof(SummaryOptions), nameof(options.CacheSeconds), options.CacheSeconds, CacheSeconds);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
