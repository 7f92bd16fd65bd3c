using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Functions.Tests;

/// <summary>GET /api/datasets/{id}/schema: the Table Schema generated for this deployment's areas and maximum.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DatasetSchemaRouteTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("serious-youth-violence")]
    [InlineData("violence-admissions")]
    public async Task With_the_default_settings_it_is_the_committed_table_schema(string id)
    {
        using var app = PipelineHarness.Create(azurite);

        var response = await HttpCall.CallAsync(app, "GET", [], c => Task.FromResult(ActivatorUtilities.CreateInstance<GetDatasetSchema>(app.Services).Run(c.Request, id)));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal(await File.ReadAllTextAsync(RepositoryRoot.Combine("docs", "schemas", id + ".tableschema.json")), response.Text());
    }

    [Fact]
    public async Task It_follows_the_configured_areas_and_maximum()
    {
        var settings = PipelineHarness.NewSettings(azurite, new Dictionary<string, string?>
        {
            ["Pipeline:Validation:Areas:0:Code"] = "W06000015",
            ["Pipeline:Validation:Areas:0:Name"] = "Cardiff",
            ["Pipeline:Validation:MaxValue"] = "5000",
            ["Pipeline:Datasets:Path"] = ShippedFiles.DatasetsForAreas(Directory.CreateTempSubdirectory("cardiff-").FullName, [("W06000015", "Cardiff")]),
        });
        using var app = PipelineHarness.Over(azurite, settings);

        var response = await HttpCall.CallAsync(app, "GET", [], c => Task.FromResult(ActivatorUtilities.CreateInstance<GetDatasetSchema>(app.Services).Run(c.Request, "serious-youth-violence")));

        using var schema = System.Text.Json.JsonDocument.Parse(response.Body());
        var fields = schema.RootElement.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(["W06000015"], fields[1].GetProperty("constraints").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(5000, fields[3].GetProperty("constraints").GetProperty("maximum").GetInt64());
        Assert.Equal(["quarter", "area_code", "area_name", "offences", "knife_offences", "positive_outcomes"], fields.Select(f => f.GetProperty("name").GetString()));
    }
}
