using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Pipeline.Core;

/// <summary>Fails the start when a setting under <c>Pipeline:</c> is one no options class binds (a typo, or a setting of the past).</summary>
public sealed class PipelineSettingsValidation(IConfiguration configuration) : IValidateOptions<PipelineSettings>
{
    public ValidateOptionsResult Validate(string? name, PipelineSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var known = new HashSet<string>(options.Known, StringComparer.OrdinalIgnoreCase);
        var unknown = configuration.GetSection(PipelineSettings.Root).AsEnumerable(makePathsRelative: true)
            .Where(setting => setting.Value is not null)
            .Select(setting => setting.Key)
            .Where(key => !known.Contains(Pattern(key)))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (unknown.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var settings = string.Join(", ", unknown.Select(k => AppSetting(k)));
        var reads = string.Join(", ", options.Known.Select(k => AppSetting(k.Replace("*", "N", StringComparison.Ordinal))));
        return ValidateOptionsResult.Fail(
            $"The setting{(unknown.Count == 1 ? string.Empty : "s")} {settings} {(unknown.Count == 1 ? "is" : "are")} not read by the app: " +
            $"correct or remove {(unknown.Count == 1 ? "it" : "them")}. The Pipeline settings are {reads}.");
    }

    /// <summary><c>Validation:Areas:0:Code</c> becomes <c>Validation:Areas:*:Code</c>.</summary>
    private static string Pattern(string key) =>
        string.Join(':', key.Split(':').Select(part => part.Length > 0 && part.All(char.IsAsciiDigit) ? "*" : part));

    /// <summary>As written in app settings and environment variables: <c>Pipeline__Validation__MaxErrors</c>.</summary>
    private static string AppSetting(string key) => $"{PipelineSettings.Root}__{key.Replace(":", "__", StringComparison.Ordinal)}";
}
