using Pipeline.Core.Datasets;

namespace Pipeline.Core.Tests.Datasets;

public sealed class DatasetDefinitionTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("pipeline-datasets-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>The datasets folder, with the shipped populations beside it as a deployment has them.</summary>
    private readonly string folder;

    public DatasetDefinitionTests() => folder = ShippedFiles.DatasetsFolderIn(root);

    [Fact]
    public void Ships_serious_youth_violence_as_the_default_and_violence_admissions_beside_it()
    {
        var registry = DatasetRegistry.Load(RepositoryRoot.Combine("datasets"));

        Assert.Equal(["serious-youth-violence", "violence-admissions"], registry.All.Select(d => d.Id));
        Assert.Equal("serious-youth-violence", registry.Default.Id);
        Assert.Equal(["quarter", "area_code", "area_name", "offences", "knife_offences", "positive_outcomes"], registry.Default.Columns);
        Assert.Equal(["offences", "knifeOffences", "positiveOutcomes", "positiveOutcomeRate", "offencesPer1000"], registry.Default.Metrics.Select(m => m.Id));
        Assert.Equal(new DatasetPerPopulation("offences", 1000, "west-midlands-10-to-24"), registry.Default.Metrics[4].PerPopulation);
        Assert.Equal(["west-midlands-10-to-24"], registry.Default.Populations.Keys);
        var admissions = registry.Get("violence-admissions");
        Assert.Equal(["admissions", "sharp_object_admissions"], admissions.Fields.Select(f => f.Name));
        Assert.Equal(("admissions", "sharp-exceeds-admissions"), (admissions.Fields[1].NotGreaterThan, admissions.Fields[1].ExceedsCode));
        Assert.Equal(["admissions", "sharpObjectAdmissions", "sharpObjectShare"], admissions.Metrics.Select(m => m.Id));
        Assert.Equal(new DatasetRate("sharp_object_admissions", "admissions"), admissions.Metrics[2].Rate);
        Assert.Null(admissions.Areas);
    }

    [Fact]
    public void The_definitions_built_into_the_app_are_the_files_in_datasets()
    {
        var files = DatasetRegistry.Load(RepositoryRoot.Combine("datasets"));

        Assert.Equal(files.All, DatasetRegistry.BuiltIn.All, new DefinitionComparer());
    }

    [Theory]
    [InlineData("serious-youth-violence/2024-Q3.csv", "serious-youth-violence")]
    [InlineData("violence-admissions/2024-Q3.csv", "violence-admissions")]
    [InlineData("Violence-Admissions/returns/2024-Q3.csv", "violence-admissions")]
    [InlineData("2024-Q3.csv", "serious-youth-violence")]
    [InlineData("returns/violence-admissions/2024-Q3.csv", "serious-youth-violence")]
    [InlineData("violence-admissions.csv", "serious-youth-violence")]
    [InlineData("/violence-admissions/2024-Q3.csv", "serious-youth-violence")]
    public void Routes_an_upload_by_its_first_folder_in_any_case(string blobName, string dataset)
    {
        Assert.Equal(dataset, DatasetRegistry.BuiltIn.ForUpload(blobName).Id);
    }

    [Theory]
    [InlineData("{\"id\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"title\":\"A\"}],\"metrics\":[{\"id\":\"a\",\"count\":\"a\"}],\"colour\":\"red\"}", "'colour'")]
    [InlineData("{\"id\":\"X Y\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"title\":\"A\"}],\"metrics\":[{\"id\":\"a\",\"count\":\"a\"}]}", "'id' must be lower-case")]
    [InlineData("{\"id\":\"x\",\"title\":\"X\",\"fields\":[],\"metrics\":[{\"id\":\"a\",\"count\":\"a\"}]}", "'fields' must list at least one")]
    [InlineData("{\"id\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"quarter\",\"title\":\"Q\"}],\"metrics\":[{\"id\":\"a\",\"count\":\"quarter\"}]}", "Field 'quarter' is named twice")]
    [InlineData("{\"id\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"title\":\"A\"},{\"name\":\"A\",\"title\":\"A\"}],\"metrics\":[{\"id\":\"a\",\"count\":\"a\"}]}", "Field 'A': a name is lower-case")]
    [InlineData("{\"id\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"title\":\"A\",\"notGreaterThan\":\"b\"}],\"metrics\":[{\"id\":\"a\",\"count\":\"a\"}]}", "'notGreaterThan' names 'b', which is not another field")]
    [InlineData("{\"id\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"title\":\"A\"}],\"metrics\":[{\"id\":\"a\",\"count\":\"b\"}]}", "Metric 'a' names 'b', which is not a field")]
    [InlineData("{\"id\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"title\":\"A\"}],\"metrics\":[{\"id\":\"a\",\"count\":\"a\",\"rate\":{\"numerator\":\"a\",\"denominator\":\"a\"}}]}", "exactly one of 'count'")]
    [InlineData("{\"id\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"title\":\"A\"}],\"metrics\":[{\"id\":\"a\",\"rate\":{\"numerator\":\"a\",\"denominator\":\"z\"}}]}", "Metric 'a' names 'z'")]
    [InlineData("{\"id\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"title\":\"A\"}],\"metrics\":[{\"id\":\"a\",\"count\":\"a\"}],\"areas\":[{\"code\":\"E1\",\"name\":\"One\"},{\"code\":\"E1\",\"name\":\"Again\"}]}", "Area 'E1'")]
    [InlineData("{\"id\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"title\":\"A\"}],\"metrics\":[{\"id\":\"a\",\"count\":\"a\",\"sentence\":\"had one\"}]}", "Metric 'a': 'sentence' is for a rate only")]
    [InlineData("{\"id\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"title\":\"A\"}],\"metrics\":[{\"id\":\"a\",\"rate\":{\"numerator\":\"a\",\"denominator\":\"a\"},\"sentence\":\"Had <b>one</b>\"}]}", "(it is 'Had <b>one</b>')")]
    [InlineData("not json", "not a dataset definition")]
    public void Refuses_a_definition_that_cannot_be_used_naming_the_file_and_the_problem(string json, string problem)
    {
        var failure = Assert.Throws<DatasetDefinitionException>(() => DatasetDefinitionReader.Read(json, "datasets/x.json"));

        Assert.StartsWith("datasets/x.json: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_must_be_named_after_its_id()
    {
        CopyShipped();
        File.WriteAllText(Path.Combine(folder, "health.json"), Minimal("youth-justice"));

        var failure = Assert.Throws<DatasetDefinitionException>(() => DatasetRegistry.Load(folder));

        Assert.Contains("health.json: the file must be named after its id, 'youth-justice.json'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_dataset_must_be_defined()
    {
        File.WriteAllText(Path.Combine(folder, "youth-justice.json"), Minimal("youth-justice"));

        var failure = Assert.Throws<DatasetDefinitionException>(() => DatasetRegistry.Load(folder));

        Assert.Equal("The default dataset 'serious-youth-violence' is not defined.", failure.Message);
    }

    [Fact]
    public void A_third_dataset_is_one_more_file()
    {
        CopyShipped();
        File.WriteAllText(Path.Combine(folder, "youth-justice.json"), Minimal("youth-justice"));

        var registry = DatasetRegistry.Load(folder);

        Assert.Equal(["serious-youth-violence", "violence-admissions", "youth-justice"], registry.All.Select(d => d.Id));
        Assert.Equal("youth-justice", registry.ForUpload("youth-justice/2024-Q1.csv").Id);
    }

    [Fact]
    public void A_folder_that_is_not_there_is_named()
    {
        var missing = Path.Combine(folder, "nowhere");

        var failure = Assert.Throws<DatasetDefinitionException>(() => DatasetRegistry.Load(missing));

        Assert.Equal($"The datasets folder '{missing}' does not exist.", failure.Message);
    }

    internal static string Minimal(string id) =>
        "{\"id\":\"" + id + "\",\"title\":\"First-time entrants\",\"fields\":[{\"name\":\"entrants\",\"title\":\"Entrants\"}],\"metrics\":[{\"id\":\"entrants\",\"count\":\"entrants\"}]}";

    private void CopyShipped()
    {
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("datasets"), "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    private sealed class DefinitionComparer : IEqualityComparer<DatasetDefinition>
    {
        public bool Equals(DatasetDefinition? x, DatasetDefinition? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Title == y.Title && x.Description == y.Description &&
            x.Fields.SequenceEqual(y.Fields) && x.Metrics.SequenceEqual(y.Metrics);

        public int GetHashCode(DatasetDefinition obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
