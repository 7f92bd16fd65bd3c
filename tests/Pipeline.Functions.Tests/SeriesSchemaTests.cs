using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipeline.Functions.Tests;

/// <summary>
/// GET /api/series is not built yet (contract section 7). Until it is, its schema is checked against a document of the
/// contract's shape built from the sample returns: <c>{"dataset", "quarters": [{"quarter", "total": {field: n},
/// "areas": [{"code", "name", field: n}]}]}</c>. When the route lands, its real responses are to be checked here instead.
/// </summary>
public sealed class SeriesSchemaTests
{
    [Fact]
    public void A_series_of_the_contracts_shape_from_the_samples_matches_the_series_schema_and_a_broken_one_does_not()
    {
        var series = SeriesOfSamples();

        Assert.Equal(8, series["quarters"]!.AsArray().Count);
        ResponseSchemas.AssertValid(ResponseSchemas.Series, series);

        ResponseSchemas.AssertInvalid(ResponseSchemas.Series, With(series, s => s["quarters"]![0]!["total"]!["offences"] = -1));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Series, With(series, s => s["quarters"]![0]!["areas"]![0]!["offences"] = "688"));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Series, With(series, s => s["quarters"]![0]!["quarter"] = "2023 Q1"));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Series, With(series, s => s["quarters"]![0]!.AsObject().Remove("areas")));
        ResponseSchemas.AssertInvalid(ResponseSchemas.Series, With(series, s => s["quarters"]![0]!["total"]!["Knife Offences"] = 1));
    }

    private static JsonObject SeriesOfSamples()
    {
        var quarters = new JsonArray();
        foreach (var path in Directory.GetFiles(RepositoryRoot.Combine("samples"), "*.csv").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
            var header = lines[0];
            var total = new JsonObject();
            var areas = new JsonArray();
            for (var c = 3; c < header.Length; c++)
            {
                total[header[c]] = lines.Skip(1).Sum(row => long.Parse(row[c], CultureInfo.InvariantCulture));
            }

            foreach (var row in lines.Skip(1))
            {
                var area = new JsonObject { ["code"] = row[1], ["name"] = row[2] };
                for (var c = 3; c < header.Length; c++)
                {
                    area[header[c]] = long.Parse(row[c], CultureInfo.InvariantCulture);
                }

                areas.Add(area);
            }

            quarters.Add(new JsonObject { ["quarter"] = lines[1][0], ["total"] = total, ["areas"] = areas });
        }

        return new JsonObject { ["dataset"] = "serious-youth-violence", ["quarters"] = quarters };
    }

    private static JsonNode With(JsonNode original, Action<JsonNode> change)
    {
        var copy = original.DeepClone();
        change(copy);
        return copy;
    }
}
