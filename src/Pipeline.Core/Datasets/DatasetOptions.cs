using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Datasets;

/// <summary>
/// Where the dataset definitions are. Bound from the configuration section <c>Pipeline:Datasets</c>, and valid when the
/// definitions there can be used (<see cref="DatasetOptionsValidator"/>), so a bad file stops the start with the file's
/// name and the problem.
/// </summary>
public sealed class DatasetOptions : IValidatableObject
{
    public const string SectionName = "Pipeline:Datasets";

    /// <summary>The folder of <c>*.json</c> definitions; relative paths are from the app's own folder.</summary>
    public string Path { get; set; } = "datasets";

    /// <summary>
    /// The registry from <see cref="Path"/>. When the default folder is absent from the app's output (a library's
    /// tests), the definitions built into the app are used; a folder that was configured must exist.
    /// </summary>
    /// <exception cref="DatasetDefinitionException">A definition cannot be used; the message names its file.</exception>
    public DatasetRegistry Load()
    {
        var folder = System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
        return Path == "datasets" && !Directory.Exists(folder) ? DatasetRegistry.BuiltIn : DatasetRegistry.Load(folder);
    }

    /// <summary>Reads the definitions (<see cref="Load"/>): a definition that cannot be used is this options' one failure.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? problem = null;
        try
        {
            Load();
        }
        catch (Exception e) when (e is DatasetDefinitionException or IOException or UnauthorizedAccessException)
        {
            problem = $"The dataset definitions cannot be used: {e.Message}";
        }

        return problem is null ? [] : [new ValidationResult(problem)];
    }
}
