using Microsoft.Extensions.Options;

namespace Pipeline.Core.Summaries;

/// <summary>The <see cref="SummaryOptions"/> ranges, checked by code generated at compile time rather than by reflection (AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class SummaryOptionsValidator : IValidateOptions<SummaryOptions>;
