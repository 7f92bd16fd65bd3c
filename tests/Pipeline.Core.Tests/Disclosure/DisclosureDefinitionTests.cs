using Pipeline.Core.Datasets;

namespace Pipeline.Core.Tests.Disclosure;

/// <summary>The <c>disclosure</c> rule of a definition: what ships, and every rule refused at start with the file named.</summary>
public sealed class DisclosureDefinitionTests : IDisposable
{
    private const string Head = "{\"id\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"title\":\"A\"}],\"metrics\":[{\"id\":\"a\",\"count\":\"a\"}],";

    private readonly string folder = Directory.CreateTempSubdirectory("pipeline-disclosure-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Violence_admissions_withholds_1_to_7_and_rounds_to_5_and_serious_youth_violence_has_no_rule()
    {
        var registry = DatasetRegistry.Load(RepositoryRoot.Combine("datasets"));

        Assert.Equal(new DatasetDisclosure(new DisclosureRange(1, 7), 5, "[c]"), registry.Get("violence-admissions").Disclosure);
        Assert.Null(registry.Default.Disclosure);
    }

    [Theory]
    [InlineData("\"disclosure\":{\"roundTo\":5}}", "'disclosure' needs 'suppress'")]
    [InlineData("\"disclosure\":{\"suppress\":{\"from\":0,\"to\":7}}}", "'disclosure.suppress' withholds nothing: 'from' must be 1 or more (zero is never withheld for being small) and 'to' at least 'from' (they are 0 and 7).")]
    [InlineData("\"disclosure\":{\"suppress\":{\"from\":8,\"to\":7}}}", "'disclosure.suppress' withholds nothing")]
    [InlineData("\"disclosure\":{\"suppress\":{\"from\":1,\"to\":1000000}}}", "'disclosure.suppress' would withhold every area: 'to' (1000000) must be below 1,000,000, the largest count a return carries.")]
    [InlineData("\"disclosure\":{\"suppress\":{\"from\":1,\"to\":7},\"roundTo\":0}}", "'disclosure.roundTo' must be 1 or more (it is 0)")]
    [InlineData("\"disclosure\":{\"suppress\":{\"from\":1,\"to\":7},\"roundTo\":-5}}", "'disclosure.roundTo' must be 1 or more (it is -5)")]
    [InlineData("\"disclosure\":{\"suppress\":{\"from\":1,\"to\":7},\"symbol\":\"\"}}", "'disclosure.symbol' must be 1 to 10 characters")]
    [InlineData("\"disclosure\":{\"suppress\":{\"from\":1,\"to\":7},\"symbol\":\" [c]\"}}", "'disclosure.symbol' must be 1 to 10 characters")]
    [InlineData("\"disclosure\":{\"suppress\":{\"from\":1,\"to\":7}},\"areas\":[{\"code\":\"E1\",\"name\":\"One\"}]}", "'disclosure' needs at least two areas: with one, the total is the area")]
    [InlineData("\"disclosure\":{\"suppress\":{\"from\":1,\"to\":7},\"round\":5}}", "'round'")]
    public void Refuses_a_rule_that_cannot_be_used_naming_the_file_and_the_problem(string tail, string problem)
    {
        File.WriteAllText(Path.Combine(folder, "serious-youth-violence.json"), File.ReadAllText(RepositoryRoot.Combine("datasets", "serious-youth-violence.json")));
        File.WriteAllText(Path.Combine(folder, "x.json"), Head + tail);

        var failure = Assert.Throws<DatasetDefinitionException>(() => DatasetRegistry.Load(folder));

        Assert.StartsWith(Path.Combine(folder, "x.json") + ": ", failure.Message, StringComparison.Ordinal);
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_without_a_symbol_or_rounding_shows_c_and_publishes_counts_as_they_are()
    {
        var definition = DatasetDefinitionReader.Read(Head + "\"disclosure\":{\"suppress\":{\"from\":1,\"to\":3}}}", "x.json");

        Assert.Equal("[c]", definition.Disclosure!.Symbol);
        Assert.Equal(12, definition.Disclosure.Round(12));
        Assert.True(definition.Disclosure.IsSmall(3));
        Assert.False(definition.Disclosure.IsSmall(4));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(8, 10)]
    [InlineData(12, 10)]
    [InlineData(13, 15)]
    [InlineData(17, 15)]
    [InlineData(18, 20)]
    [InlineData(1240, 1240)]
    [InlineData(194, 195)]
    [InlineData(-2, 0)]
    [InlineData(-3, -5)]
    [InlineData(-40, -40)]
    public void Rounds_to_the_nearest_5(long value, long rounded)
    {
        Assert.Equal(rounded, new DatasetDisclosure(new DisclosureRange(1, 7), 5).Round(value));
    }

    [Theory]
    [InlineData(5, 10)]
    [InlineData(-5, 0)]
    [InlineData(15, 20)]
    [InlineData(-15, -10)]
    [InlineData(14, 10)]
    public void A_midpoint_rounds_up(long value, long rounded)
    {
        Assert.Equal(rounded, new DatasetDisclosure(new DisclosureRange(1, 7), 10).Round(value));
    }
}
