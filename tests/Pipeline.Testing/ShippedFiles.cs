namespace Pipeline.Testing;

/// <summary>Folders laid out as a deployment lays out the shipped files: <c>datasets/</c> with <c>populations/</c> beside it.</summary>
public static class ShippedFiles
{
    /// <summary>
    /// Makes <c>datasets/</c> (empty) in <paramref name="root"/> and <c>populations/</c> beside it holding copies of the
    /// repository's population files, which the shipped definitions name; returns the datasets folder.
    /// </summary>
    public static string DatasetsFolderIn(string root)
    {
        var datasets = Directory.CreateDirectory(Path.Combine(root, "datasets")).FullName;
        var populations = Directory.CreateDirectory(Path.Combine(root, "populations")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("populations")))
        {
            File.Copy(file, Path.Combine(populations, Path.GetFileName(file)));
        }

        return datasets;
    }

    /// <summary>
    /// For a deployment configured with other areas than the seven: the shipped definitions in <c>datasets/</c> under
    /// <paramref name="root"/>, and beside them the population the default dataset names, rewritten for
    /// <paramref name="areas"/> (10,000 people each in 2023 and 2024), as such a deployment must supply; returns the
    /// datasets folder, for <c>Pipeline:Datasets:Path</c>.
    /// </summary>
    public static string DatasetsForAreas(string root, IEnumerable<(string Code, string Name)> areas)
    {
        var datasets = DatasetsFolderIn(root);
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("datasets"), "*.json"))
        {
            File.Copy(file, Path.Combine(datasets, Path.GetFileName(file)));
        }

        var rows = new[] { 2023, 2024 }.SelectMany(year => areas.Select(a => $"{year},{a.Code},10000"));
        File.WriteAllText(Path.Combine(root, "populations", "west-midlands-10-to-24.csv"), "year,area_code,population\n" + string.Join("\n", rows) + "\n");
        return datasets;
    }
}
