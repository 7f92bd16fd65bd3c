namespace Pipeline.Core.Datasets;

/// <summary>Where the dataset definitions are. Bound from the configuration section <c>Pipeline:Datasets</c>.</summary>
public sealed class DatasetOptions
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
}
