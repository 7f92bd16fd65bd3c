using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Tests.Datasets;

/// <summary>Population files: read and checked as a return is, each problem naming the file, row and column.</summary>
public sealed class PopulationTests : IDisposable
{
    private const string Json = """{"title": "People aged 10 to 24", "source": "Test figures."}""";

    private readonly string root = Directory.CreateTempSubdirectory("pipeline-populations-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Reads_the_shipped_population_and_says_its_figures_are_illustrative()
    {
        var registry = DatasetRegistry.Load(RepositoryRoot.Combine("datasets"));
        var table = Assert.Single(registry.Populations);

        Assert.Equal(("west-midlands-10-to-24", "People aged 10 to 24"), (table.Id, table.Title));
        Assert.StartsWith("ILLUSTRATIVE figures, not an official estimate", table.Source, StringComparison.Ordinal);
        Assert.Contains("ONS mid-year population estimates", table.Source, StringComparison.Ordinal);
        Assert.Equal([2023, 2024], table.Years);
        Assert.Equal(257_930, table.Of(2024, "E08000025"));
        Assert.Empty(registry.CheckPopulationAreas(Pipeline.Core.Validation.ValidationOptions.WestMidlands));
    }

    [Fact]
    public void Accepts_a_byte_order_mark_and_crlf_line_ends()
    {
        var table = PopulationReader.Read("p", "\uFEFFyear,area_code,population\r\n2024,E08000025,100\r\n2024,E08000026,200\r\n", "p.csv", Json, "p.json");

        Assert.Equal((100L, 200L), (table.Of(2024, "E08000025")!.Value, table.Of(2024, "E08000026")!.Value));
    }

    [Theory]
    [InlineData("year,area_code,population\n2024,E08000025,0\n", "p.csv: row 2, column population: '0' is not a whole number greater than 0.")]
    [InlineData("year,area_code,population\n2024,E08000025,-5\n", "p.csv: row 2, column population: '-5' is not a whole number greater than 0.")]
    [InlineData("year,area_code,population\n2024,E08000025,12.5\n", "p.csv: row 2, column population: '12.5' is not a whole number greater than 0.")]
    [InlineData("year,area_code,population\n24,E08000025,10\n", "p.csv: row 2, column year: '24' is not a year of four digits.")]
    [InlineData("year,area_code,population\n2024,Birmingham,10\n", "p.csv: row 2, column area_code: 'Birmingham' is not an area code (a GSS code such as E08000025).")]
    [InlineData("year,area_code,population\n2024,E08000025\n", "p.csv: row 2, column population: a row has exactly 3 cells (it has 2).")]
    [InlineData("year,area,population\n2024,E08000025,10\n", "p.csv: row 1, column year: the header must be exactly 'year,area_code,population' (it is 'year,area,population').")]
    [InlineData("year,area_code,population\n", "p.csv: row 2, column year: the file has no rows after its header.")]
    [InlineData("year,area_code,population\n2024,E08000025,10\n2024,E08000025,11\n", "p.csv: row 3, column area_code: E08000025 already has a population for 2024 (row 2).")]
    public void Refuses_a_bad_file_naming_the_file_row_and_column(string csv, string message)
    {
        var failure = Assert.Throws<DatasetDefinitionException>(() => PopulationReader.Read("p", csv, "p.csv", Json, "p.json"));

        Assert.Equal(message, failure.Message);
    }

    [Fact]
    public void Reports_every_problem_of_a_file_at_once()
    {
        var failure = Assert.Throws<DatasetDefinitionException>(() =>
            PopulationReader.Read("p", "year,area_code,population\n2024,E08000025,0\n2024,X,10\n", "p.csv", Json, "p.json"));

        Assert.Equal(
            "p.csv: row 2, column population: '0' is not a whole number greater than 0. " +
            "p.csv: row 3, column area_code: 'X' is not an area code (a GSS code such as E08000025).",
            failure.Message);
    }

    [Theory]
    [InlineData("{\"title\": \"People\"}", "p.json: a population's description needs a 'title' and a 'source'.")]
    [InlineData("{\"title\": \"People\", \"source\": \"ONS\", \"colour\": 1}", "p.json: not a population's description ({\"title\", \"source\"}):")]
    public void Refuses_a_description_without_its_title_and_source(string json, string message)
    {
        var failure = Assert.Throws<DatasetDefinitionException>(() => PopulationReader.Read("p", "year,area_code,population\n2024,E08000025,1\n", "p.csv", json, "p.json"));

        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_population_without_its_description_is_named()
    {
        var datasets = Layout("year,area_code,population\n2024,E08000025,1\n", json: null);

        var failure = Assert.Throws<DatasetDefinitionException>(() => DatasetRegistry.Load(datasets));

        Assert.Equal($"{Path.Combine(root, "populations", "people.csv")}: a population needs its description beside it, people.json ({{\"title\", \"source\"}}).", failure.Message);
    }

    [Fact]
    public void A_metric_naming_no_population_file_is_refused()
    {
        var datasets = Layout(csv: null, json: null);

        var failure = Assert.Throws<DatasetDefinitionException>(() => DatasetRegistry.Load(datasets));

        Assert.Equal("Dataset 'serious-youth-violence': metric 'offencesPer1000' names the population 'west-midlands-10-to-24', but there is no populations/west-midlands-10-to-24.csv.", failure.Message);
    }

    [Fact]
    public void An_area_that_is_not_configured_and_a_configured_area_missing_from_a_year_are_named()
    {
        var table = PopulationReader.Read("p", "year,area_code,population\n2024,E08000025,10\n2024,E09000001,5\n2025,E08000025,11\n2025,E08000026,12\n", "p.csv", Json, "p.json");

        Assert.Equal(
            [
                "p.csv: row 3, column area_code: 'E09000001' is not one of the configured areas.",
                "p.csv: column area_code: year 2024 has no row for E08000026 (Coventry); every configured area needs a population for each year the file covers.",
            ],
            table.CheckAreas([new("E08000025", "Birmingham"), new("E08000026", "Coventry")]));
    }

    [Fact]
    public void A_population_that_does_not_fit_the_configured_areas_stops_the_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:Validation:Areas:0:Code"] = "E08000025",
            ["Pipeline:Validation:Areas:0:Name"] = "Birmingham",
        }).Build();
        using var services = new ServiceCollection().AddPipelineCore(configuration).BuildServiceProvider();

        var problem = PipelineCoreRegistration.SettingsProblem(services);

        Assert.NotNull(problem);
        Assert.StartsWith("The settings are not usable: The populations cannot be used: populations/west-midlands-10-to-24.csv: row 3, column area_code: 'E08000026' is not one of the configured areas.", problem, StringComparison.Ordinal);
    }

    /// <summary>Copies the shipped definitions into root/datasets, and writes populations/people.csv and .json when given.</summary>
    private string Layout(string? csv, string? json)
    {
        var datasets = Directory.CreateDirectory(Path.Combine(root, "datasets")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("datasets"), "*.json"))
        {
            File.Copy(file, Path.Combine(datasets, Path.GetFileName(file)));
        }

        var populations = Directory.CreateDirectory(Path.Combine(root, "populations")).FullName;
        if (csv is not null)
        {
            File.WriteAllText(Path.Combine(populations, "people.csv"), csv);
        }

        if (json is not null)
        {
            File.WriteAllText(Path.Combine(populations, "people.json"), json);
        }

        return datasets;
    }
}
