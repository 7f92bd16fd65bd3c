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
}
