using System.Reflection;

namespace Pipeline.Core.Datasets;

/// <summary>
/// Where the population files are and how a registry gets them: <c>populations/</c> is the folder beside
/// <c>datasets/</c> (<c>populations/&lt;id&gt;.csv</c> with <c>&lt;id&gt;.json</c>), deployed with the app as the
/// definitions are and built into Core for <see cref="DatasetRegistry.BuiltIn"/>.
/// </summary>
public static class PopulationFiles
{
    public const string FolderName = "populations";

    /// <summary>The populations folder beside a datasets folder: <c>/app/datasets</c> gives <c>/app/populations</c>.</summary>
    public static string BesideDatasets(string datasetsDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(datasetsDirectory);
        var full = Path.GetFullPath(datasetsDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full) ?? full, FolderName);
    }

    /// <summary>Every population in <paramref name="directory"/>; none when the folder does not exist.</summary>
    /// <exception cref="DatasetDefinitionException">A file is not a usable population, or a CSV has no JSON beside it.</exception>
    public static IReadOnlyList<PopulationTable> Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var tables = new List<PopulationTable>();
        foreach (var csv in Directory.GetFiles(directory, "*.csv").Order(StringComparer.Ordinal))
        {
            var json = Path.ChangeExtension(csv, ".json");
            if (!File.Exists(json))
            {
                throw new DatasetDefinitionException($"{csv}: a population needs its description beside it, {Path.GetFileName(json)} ({{\"title\", \"source\"}}).");
            }

            tables.Add(PopulationReader.Read(Path.GetFileNameWithoutExtension(csv), File.ReadAllText(csv), csv, File.ReadAllText(json), json));
        }

        return tables;
    }

    /// <summary>The populations built into <paramref name="assembly"/> as resources <c>populations/&lt;id&gt;.csv</c> and <c>.json</c>.</summary>
    internal static IReadOnlyList<PopulationTable> ReadEmbedded(Assembly assembly)
    {
        var tables = new List<PopulationTable>();
        var names = assembly.GetManifestResourceNames();
        foreach (var csv in names.Where(n => n.StartsWith(FolderName + "/", StringComparison.Ordinal) && n.EndsWith(".csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var json = csv[..^4] + ".json";
            tables.Add(PopulationReader.Read(Path.GetFileNameWithoutExtension(csv), Resource(assembly, csv), csv, Resource(assembly, json), json));
        }

        return tables;
    }

    private static string Resource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new DatasetDefinitionException($"{name}: the built-in population file is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
