using Microsoft.Extensions.Options;

namespace Pipeline.Core.Validation;

/// <summary>
/// The ranges on <see cref="ValidationOptions"/>, checked by code the options source generator writes from its
/// attributes: no reflection, so pipeline-validate, published as Native AOT, checks them as the other hosts do.
/// </summary>
[OptionsValidator]
internal sealed partial class ValidationOptionsValidator : IValidateOptions<ValidationOptions>;
