using Microsoft.Extensions.Options;

namespace Pipeline.Core.Validation;

/// <summary>The <see cref="ValidationOptions"/> ranges, checked by code generated at compile time rather than by reflection (AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class ValidationOptionsValidator : IValidateOptions<ValidationOptions>;
