namespace Pipeline.Core.Datasets;

/// <summary>
/// The datasets the app knows: one definition per file of <c>datasets/*.json</c>, checked when the registry is built.
/// An upload belongs to the dataset its first folder names (any case); every other upload to the default one. The
/// populations in <c>populations/</c> beside <c>datasets/</c> are read with them and attached to the definitions whose
/// <c>perPopulation</c> metrics name them.
/// </summary>
public sealed class DatasetRegistry
{
    private readonly Dictionary<string, DatasetDefinition> byId;

    /// <param name="definitions">The datasets.</param>
    /// <param name="populations">The population files (<c>populations/</c>); every one a metric names must be among them.</param>
    /// <exception cref="DatasetDefinitionException">A dataset is defined twice, the default is missing, or a metric names no population.</exception>
    public DatasetRegistry(IEnumerable<DatasetDefinition> definitions, IEnumerable<PopulationTable>? populations = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Populations = [.. (populations ?? []).OrderBy(p => p.Id, StringComparer.Ordinal)];
        byId = new Dictionary<string, DatasetDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var read in definitions)
        {
            var definition = WithPopulations(read, Populations);
            if (!byId.TryAdd(definition.Id, definition))
            {
                throw new DatasetDefinitionException($"Dataset '{definition.Id}' is defined twice.");
            }
        }

        if (!byId.TryGetValue(DatasetDefinition.DefaultId, out var fallback))
        {
            throw new DatasetDefinitionException($"The default dataset '{DatasetDefinition.DefaultId}' is not defined.");
        }

        Default = fallback;
        All = [.. byId.Values.OrderBy(d => d.Id == DatasetDefinition.DefaultId ? 0 : 1).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <summary>The population files read with the definitions, by id.</summary>
    public IReadOnlyList<PopulationTable> Populations { get; }

    /// <summary>The default dataset, then the others by id.</summary>
    public IReadOnlyList<DatasetDefinition> All { get; }

    public DatasetDefinition Default { get; }

    /// <summary>The ids, default first, as a list for people: <c>serious-youth-violence, violence-admissions</c>.</summary>
    public string IdList => string.Join(", ", All.Select(d => d.Id));

    /// <summary>What every route says of a <c>dataset</c> parameter naming no dataset.</summary>
    public string UnknownDatasetParameter(string? id) => $"Parameter 'dataset': '{id}' is not a dataset. Use one of {IdList}.";

    /// <summary>What a command or route naming no dataset of this registry is told (the CLI's --dataset, the schema route's id).</summary>
    public string NoSuchDataset(string? id) => $"There is no dataset '{id}'. The datasets are: {IdList}.";

    /// <summary>The definitions shipped inside the app (<c>serious-youth-violence</c>, <c>violence-admissions</c>).</summary>
    public static DatasetRegistry BuiltIn { get; } = new(ReadEmbedded(), PopulationFiles.ReadEmbedded(typeof(DatasetRegistry).Assembly));

    /// <summary>Reads every <c>*.json</c> in <paramref name="directory"/>, and the populations beside it (<see cref="PopulationFiles"/>).</summary>
    /// <exception cref="DatasetDefinitionException">A file is not a usable definition, or the folder has none.</exception>
    public static DatasetRegistry Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DatasetDefinitionException($"The datasets folder '{directory}' does not exist.");
        }

        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToArray();
        var definitions = new List<DatasetDefinition>(files.Length);
        foreach (var file in files)
        {
            var definition = DatasetDefinitionReader.Read(File.ReadAllText(file), file);
            if (!string.Equals(Path.GetFileNameWithoutExtension(file), definition.Id, StringComparison.Ordinal))
            {
                throw new DatasetDefinitionException($"{file}: the file must be named after its id, '{definition.Id}.json'.");
            }

            definitions.Add(definition);
        }

        return new DatasetRegistry(definitions, PopulationFiles.Read(PopulationFiles.BesideDatasets(directory)));
    }

    public bool TryGet(string? id, out DatasetDefinition definition)
    {
        if (id is not null && byId.TryGetValue(id, out var found) && string.Equals(found.Id, id, StringComparison.Ordinal))
        {
            definition = found;
            return true;
        }

        definition = Default;
        return false;
    }

    /// <exception cref="KeyNotFoundException">No dataset has that id.</exception>
    public DatasetDefinition Get(string id) =>
        TryGet(id, out var definition) ? definition : throw new KeyNotFoundException($"There is no dataset '{id}'.");

    /// <summary>The dataset an upload belongs to: the one its first folder names (any case), else the default.</summary>
    public DatasetDefinition ForUpload(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && byId.TryGetValue(blobName[..slash], out var definition) ? definition : Default;
    }

    /// <summary>
    /// Every problem with the populations against the areas of the datasets that use them (a dataset's own areas, else
    /// <paramref name="configuredAreas"/>): a row for an unknown area, an area missing from a year. Checked at start.
    /// </summary>
    public IReadOnlyList<string> CheckPopulationAreas(IReadOnlyList<Area> configuredAreas)
    {
        ArgumentNullException.ThrowIfNull(configuredAreas);
        return [.. All.SelectMany(d => d.Populations.Values.SelectMany(p => p.CheckAreas(d.Areas ?? configuredAreas))).Distinct()];
    }

    private static DatasetDefinition WithPopulations(DatasetDefinition definition, IReadOnlyList<PopulationTable> populations)
    {
        var used = new Dictionary<string, PopulationTable>(StringComparer.Ordinal);
        foreach (var metric in definition.Metrics.Where(m => m.PerPopulation is not null))
        {
            var id = metric.PerPopulation!.Population;
            used[id] = populations.FirstOrDefault(p => p.Id == id)
                ?? throw new DatasetDefinitionException($"Dataset '{definition.Id}': metric '{metric.Id}' names the population '{id}', but there is no {PopulationFiles.FolderName}/{id}.csv.");
        }

        return used.Count == 0 ? definition : definition with { Populations = used };
    }

    private static IEnumerable<DatasetDefinition> ReadEmbedded()
    {
        var assembly = typeof(DatasetRegistry).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("datasets/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return DatasetDefinitionReader.Read(reader.ReadToEnd(), resource);
        }
    }
}
