using Microsoft.Extensions.Options;

namespace Pipeline.Core.Summaries;

/// <summary>The range on <see cref="SummaryOptions.CacheSeconds"/>, checked by code the options source generator writes (AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class SummaryOptionsValidator : IValidateOptions<SummaryOptions>;
