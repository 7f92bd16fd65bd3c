using Pipeline.Core.Datasets;
using Pipeline.Core.Schemas;
using Pipeline.Core.Validation;

namespace Pipeline.Core.Tests.Schemas;

/// <summary>
/// The Table Schemas (docs/schemas/&lt;dataset&gt;.tableschema.json) and CSVW metadata (docs/csvw/&lt;dataset&gt;.csv-metadata.json)
/// are generated from the definitions in datasets/ with the default settings (the seven West Midlands areas unless a
/// definition lists its own, maximum 1,000,000); these tests keep the committed copies current.
/// </summary>
public class GeneratedDocsTests
{
    private static readonly DatasetRegistry Definitions = DatasetRegistry.Load(RepositoryRoot.Combine("datasets"));

    public static TheoryData<string> DatasetIds => [.. Definitions.All.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(DatasetIds))]
    public void The_committed_table_schema_is_the_one_its_definition_generates(string id)
    {
        var dataset = Definitions.Get(id);

        CommittedDocs.AssertCurrent($"docs/schemas/{id}.tableschema.json", DefaultTableSchema(dataset));
    }

    [Theory]
    [MemberData(nameof(DatasetIds))]
    public void The_committed_csvw_metadata_is_the_one_its_definition_generates(string id)
    {
        CommittedDocs.AssertCurrent($"docs/csvw/{id}.csv-metadata.json", CsvwMetadata.Generate(Definitions.Get(id)));
    }

    [Fact]
    public void Every_dataset_and_no_other_has_a_committed_table_schema_and_csvw_metadata()
    {
        var ids = Definitions.All.Select(d => d.Id).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ids, Ids("schemas", ".tableschema.json"));
        Assert.Equal(ids, Ids("csvw", ".csv-metadata.json"));
    }

    internal static byte[] DefaultTableSchema(DatasetDefinition dataset) =>
        TableSchema.Generate(dataset, dataset.Areas ?? ValidationOptions.WestMidlands, new ValidationOptions().MaxValue);

    private static List<string> Ids(string folder, string suffix) =>
        [.. Directory.GetFiles(RepositoryRoot.Combine("docs", folder), "*" + suffix)
            .Select(f => Path.GetFileName(f)[..^suffix.Length])
            .Order(StringComparer.Ordinal)];
}
