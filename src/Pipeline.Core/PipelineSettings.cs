namespace Pipeline.Core;

/// <summary>
/// The settings under <c>Pipeline:</c> that some options class binds, as keys relative to <c>Pipeline:</c> with <c>*</c>
/// for a list index (<c>Validation:Areas:*:Code</c>). Each layer adds its own; <see cref="PipelineSettingsValidation"/>
/// refuses at start any other key under <c>Pipeline:</c>, which would otherwise be ignored without a word.
/// </summary>
public sealed class PipelineSettings
{
    public const string Root = "Pipeline";

    /// <summary>The keys Core's options bind (validation, summary, datasets).</summary>
    public static IReadOnlyList<string> CoreKeys { get; } =
    [
        "Validation:MaxFileBytes", "Validation:MaxErrors", "Validation:MaxValue", "Validation:Areas:*:Code", "Validation:Areas:*:Name",
        "Summary:CacheSeconds",
        "Datasets:Path",
        "Spreadsheets:Contact",
    ];

    public List<string> Known { get; } = [];
}
