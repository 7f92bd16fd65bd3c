using System.Text;
using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Summaries;
using Pipeline.Core.Tests.Comparisons;

namespace Pipeline.Core.Tests.Schemas;

/// <summary>The CSVW metadata (docs/csvw/): the keys W3C CSV on the Web requires, and columns exactly as the CSVs write them.</summary>
public class CsvwMetadataTests
{
    private static readonly DatasetRegistry Definitions = DatasetRegistry.Load(RepositoryRoot.Combine("datasets"));

    public static TheoryData<string> DatasetIds => [.. Definitions.All.Select(d => d.Id)];

    [Fact]
    public void The_summary_tables_columns_are_the_header_of_a_real_summary_csv()
    {
        var document = ComparisonCalculator.ComputeAll(Definitions.Default, SeedData.Quarters, SeedData.Areas, DateTimeOffset.UnixEpoch)
            .Single(d => d.Period == new Period(YearBasis.Calendar, 2024));
        var header = Encoding.UTF8.GetString(SummaryCsv.ToUtf8Bytes(document)).Split("\r\n")[0].Split(',');

        using var metadata = Committed("serious-youth-violence");
        var summary = metadata.RootElement.GetProperty("tables")[0];

        Assert.Equal("serious-youth-violence-summary.csv", summary.GetProperty("url").GetString());
        Assert.Equal(header, Columns(summary).Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(header, Columns(summary).Select(c => c.GetProperty("titles").GetString()));
        Assert.Equal(
            ["basis", "period", "previous_period", "status", "area_code", "area_name",
             "offences_current", "offences_previous", "offences_change", "offences_change_percent",
             "knife_offences_current", "knife_offences_previous", "knife_offences_change", "knife_offences_change_percent",
             "positive_outcomes_current", "positive_outcomes_previous", "positive_outcomes_change", "positive_outcomes_change_percent",
             "positive_outcome_rate_current", "positive_outcome_rate_previous", "positive_outcome_rate_change_points",
             "positive_outcome_rate_current_lower", "positive_outcome_rate_current_upper", "positive_outcome_rate_previous_lower",
             "positive_outcome_rate_previous_upper", "positive_outcome_rate_change_lower", "positive_outcome_rate_change_upper",
             "offences_per1000_current", "offences_per1000_previous", "offences_per1000_change",
             "offences_per1000_current_lower", "offences_per1000_current_upper", "offences_per1000_previous_lower", "offences_per1000_previous_upper",
             "offences_per1000_current_population_year", "offences_per1000_previous_population_year", "offences_per1000_note"],
            header);
    }

    [Theory]
    [MemberData(nameof(DatasetIds))]
    public void Each_document_has_the_keys_csvw_requires_and_every_column_a_title_datatype_and_description(string id)
    {
        using var metadata = Committed(id);
        var root = metadata.RootElement;
        var dataset = Definitions.Get(id);

        Assert.Equal("http://www.w3.org/ns/csvw", root.GetProperty("@context").GetString());
        var tables = root.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal([$"{id}-summary.csv", $"{id}-series.csv"], tables.Select(t => t.GetProperty("url").GetString()));
        Assert.Equal(CsvwDocument(dataset), Columns(tables[0]).Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(dataset.Columns, Columns(tables[1]).Select(c => c.GetProperty("name").GetString()));
        foreach (var column in tables.SelectMany(Columns))
        {
            var name = column.GetProperty("name").GetString()!;
            Assert.Matches("^[a-z][a-z0-9_]*$", name);
            Assert.Equal(name, column.GetProperty("titles").GetString());
            Assert.False(string.IsNullOrWhiteSpace(column.GetProperty("dc:description").GetString()), name);
            var datatype = column.GetProperty("datatype");
            var type = datatype.ValueKind == JsonValueKind.Object ? datatype.GetProperty("base").GetString() : datatype.GetString();
            Assert.Contains(type, new[] { "string", "integer", "nonNegativeInteger", "decimal" });
            Assert.Contains(column.GetProperty("required").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        }

        Assert.All(tables, t => Assert.True(t.GetProperty("dialect").GetProperty("header").GetBoolean()));
    }

    [Fact]
    public void Counts_carry_their_unit_and_percentages_say_percent()
    {
        using var metadata = Committed("serious-youth-violence");
        var columns = Columns(metadata.RootElement.GetProperty("tables")[0]).ToDictionary(c => c.GetProperty("name").GetString()!);

        Assert.Equal("knife offences", columns["knife_offences_current"].GetProperty("schema:unitText").GetString());
        Assert.Equal("nonNegativeInteger", columns["knife_offences_current"].GetProperty("datatype").GetString());
        Assert.Equal("integer", columns["offences_change"].GetProperty("datatype").GetString());
        Assert.Equal("percent", columns["offences_change_percent"].GetProperty("schema:unitText").GetString());
        Assert.Equal("percentage points", columns["positive_outcome_rate_change_points"].GetProperty("schema:unitText").GetString());
        Assert.Equal("calendar|financial|rolling", columns["basis"].GetProperty("datatype").GetProperty("format").GetString());
    }

    private static IReadOnlyList<string> CsvwDocument(DatasetDefinition dataset) => Pipeline.Core.Schemas.CsvwMetadata.SummaryColumns(dataset);

    private static IEnumerable<JsonElement> Columns(JsonElement table) =>
        table.GetProperty("tableSchema").GetProperty("columns").EnumerateArray();

    private static JsonDocument Committed(string id) =>
        JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("docs", "csvw", id + ".csv-metadata.json")));
}
