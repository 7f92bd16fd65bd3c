using System.Text;
using System.Text.Json;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Summaries;
using Pipeline.Core.Tests.Comparisons;

namespace Pipeline.Core.Tests.Summaries;

public class SummaryJsonTests
{
    // The whole body for SummaryDocuments.Small(), checked by hand against the contract's section 5. The final "\n" is
    // added below; raw string literals drop it.
    private const string SmallJson = """
        {
          "dataset": "serious-youth-violence",
          "basis": "financial",
          "period": "2024/25",
          "previousPeriod": "2023/24",
          "status": "year-to-date",
          "quarters": [
            "2024-Q2"
          ],
          "computedAt": "2026-11-26T02:00:00+00:00",
          "total": {
            "offences": {
              "current": 1141,
              "previous": 1000,
              "change": 141,
              "changePercent": 14.10
            },
            "knifeOffences": {
              "current": 3,
              "previous": 2,
              "change": 1,
              "changePercent": 50.00
            },
            "positiveOutcomes": {
              "current": 20,
              "previous": 25,
              "change": -5,
              "changePercent": -20.00
            },
            "positiveOutcomeRate": {
              "current": 1.75,
              "previous": 2.50,
              "changePoints": -0.75,
              "currentLower": 1.14,
              "currentUpper": 2.69,
              "previousLower": 1.70,
              "previousUpper": 3.66,
              "changeLower": -2.06,
              "changeUpper": 0.49
            }
          },
          "areas": [
            {
              "code": "E08000025",
              "name": "Birmingham",
              "offences": {
                "current": 1071,
                "previous": 1000,
                "change": 71,
                "changePercent": 7.10
              },
              "knifeOffences": {
                "current": 3,
                "previous": 2,
                "change": 1,
                "changePercent": 50.00
              },
              "positiveOutcomes": {
                "current": 20,
                "previous": 25,
                "change": -5,
                "changePercent": -20.00
              },
              "positiveOutcomeRate": {
                "current": 1.87,
                "previous": 2.50,
                "changePoints": -0.63,
                "currentLower": 1.21,
                "currentUpper": 2.87,
                "previousLower": 1.70,
                "previousUpper": 3.66,
                "changeLower": -1.97,
                "changeUpper": 0.65
              }
            },
            {
              "code": "E08000026",
              "name": "Coventry",
              "offences": {
                "current": 70,
                "previous": 0,
                "change": 70,
                "changePercent": null
              },
              "knifeOffences": {
                "current": 0,
                "previous": 0,
                "change": 0,
                "changePercent": null
              },
              "positiveOutcomes": {
                "current": 0,
                "previous": 0,
                "change": 0,
                "changePercent": null
              },
              "positiveOutcomeRate": {
                "current": 0.00,
                "previous": null,
                "changePoints": null,
                "currentLower": 0.00,
                "currentUpper": 5.20,
                "previousLower": null,
                "previousUpper": null,
                "changeLower": null,
                "changeUpper": null
              }
            }
          ],
          "sources": [
            {
              "quarter": "2023-Q2",
              "file": "returns/2023-Q2.csv",
              "sha256": "aa11",
              "revision": 1,
              "acceptedAt": "2023-07-14T09:30:00+00:00"
            },
            {
              "quarter": "2024-Q2",
              "file": "returns/2024-Q2.csv",
              "sha256": "bb22",
              "revision": 3,
              "acceptedAt": "2024-09-02T16:05:07+00:00"
            }
          ]
        }
        """;

    [Fact]
    public void Writes_the_exact_body_of_a_small_document()
    {
        Assert.Equal(SmallJson.ReplaceLineEndings("\n") + "\n", Encoding.UTF8.GetString(SummaryJson.ToUtf8Bytes(SummaryDocuments.Small())));
    }

    [Fact]
    public void Names_and_orders_the_properties_as_the_contract_does()
    {
        using var json = JsonDocument.Parse(SummaryJson.ToUtf8Bytes(SummaryDocuments.Small()));
        var root = json.RootElement;

        Assert.Equal(
            ["dataset", "basis", "period", "previousPeriod", "status", "quarters", "computedAt", "total", "areas", "sources"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["offences", "knifeOffences", "positiveOutcomes", "positiveOutcomeRate"],
            root.GetProperty("total").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["code", "name", "offences", "knifeOffences", "positiveOutcomes", "positiveOutcomeRate"],
            root.GetProperty("areas")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["current", "previous", "change", "changePercent"],
            root.GetProperty("total").GetProperty("offences").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["current", "previous", "changePoints", "currentLower", "currentUpper", "previousLower", "previousUpper", "changeLower", "changeUpper"],
            root.GetProperty("total").GetProperty("positiveOutcomeRate").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["quarter", "file", "sha256", "revision", "acceptedAt"], root.GetProperty("sources")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Writes_the_contract_seed_total_as_the_contract_shows_it()
    {
        var document = ComparisonCalculator.ComputeAll(Pipeline.Core.Datasets.DatasetRegistry.BuiltIn.Default, SeedData.Quarters, SeedData.Areas, new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero))
            .Single(d => d.Basis == YearBasis.Calendar);

        using var json = JsonDocument.Parse(SummaryJson.ToUtf8Bytes(document));
        var total = json.RootElement.GetProperty("total");

        Assert.Equal("calendar", json.RootElement.GetProperty("basis").GetString());
        Assert.Equal("2024", json.RootElement.GetProperty("period").GetString());
        Assert.Equal("2023", json.RootElement.GetProperty("previousPeriod").GetString());
        Assert.Equal("complete", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("2026-11-26T02:00:00+00:00", json.RootElement.GetProperty("computedAt").GetString());
        Assert.Equal("""{"current": 6621, "previous": 7675, "change": -1054, "changePercent": -13.73}""", Compact(total.GetProperty("offences")));
        Assert.Equal("""{"current": 328, "previous": 370, "change": -42, "changePercent": -11.35}""", Compact(total.GetProperty("knifeOffences")));
        Assert.Equal("""{"current": 858, "previous": 801, "change": 57, "changePercent": 7.12}""", Compact(total.GetProperty("positiveOutcomes")));
        // The new figures sit beside the old ones, which keep their values (docs/method.md works the intervals).
        Assert.Equal(
            """{"current": 12.96, "previous": 10.44, "changePoints": 2.52, "currentLower": 12.17, "currentUpper": 13.79, "previousLower": 9.77, "previousUpper": 11.14, "changeLower": 1.47, "changeUpper": 3.59}""",
            Compact(total.GetProperty("positiveOutcomeRate")));
        Assert.Equal(
            """{"current": 10.97, "previous": 12.85, "change": -1.88, "currentLower": 10.71, "currentUpper": 11.24, "previousLower": 12.56, "previousUpper": 13.14, "currentPopulationYear": 2024, "previousPopulationYear": 2023}""",
            Compact(total.GetProperty("offencesPer1000")));
    }

    [Fact]
    public void Ends_the_body_with_a_single_line_feed_and_no_carriage_returns()
    {
        var bytes = SummaryJson.ToUtf8Bytes(SummaryDocuments.Small());

        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.NotEqual((byte)'\n', bytes[^2]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.NotEqual(0xEF, bytes[0]);
    }

    [Fact]
    public void Writes_the_same_bytes_every_time()
    {
        Assert.Equal(SummaryJson.ToUtf8Bytes(SummaryDocuments.Small()), SummaryJson.ToUtf8Bytes(SummaryDocuments.Small()));
    }

    [Fact]
    public void Reads_back_exactly_what_it_wrote_decimal_scale_included()
    {
        var original = SummaryDocuments.Small();
        var bytes = SummaryJson.ToUtf8Bytes(original);

        var read = SummaryJson.Deserialize(bytes);

        Assert.Equal(bytes, SummaryJson.ToUtf8Bytes(read));
        Assert.Equal(original.Period, read.Period);
        Assert.Equal(original.ComputedAt, read.ComputedAt);
        Assert.Equal(original.Quarters, read.Quarters);
        Assert.Equal(original.Total, read.Total);
        Assert.Equal(original.Areas, read.Areas);
        Assert.Equal(original.Sources, read.Sources);
        Assert.Equal("7.10", read.Areas[0].Offences.ChangePercent!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, read.Total.PositiveOutcomeRate.Previous!.Value.Scale);
        Assert.Null(read.Areas[1].Offences.ChangePercent);
    }

    [Fact]
    public void Reads_back_a_calendar_document()
    {
        var original = SummaryDocuments.Small() with { Period = new Period(YearBasis.Calendar, 2024) };

        var read = SummaryJson.Deserialize(SummaryJson.ToUtf8Bytes(original));

        Assert.Equal(new Period(YearBasis.Calendar, 2024), read.Period);
        Assert.Equal(YearBasis.Calendar, read.Basis);
    }

    [Theory]
    [InlineData("\"total\": {", "\"tot\": {")]
    [InlineData("\"2024/25\"", "\"2024-25\"")]
    [InlineData("\"2024-Q2\"\n", "\"2024-q2\"\n")]
    [InlineData("\"changePercent\": 7.10", "\"changePercent\": \"7.10\"")]
    [InlineData("\"name\": \"Birmingham\"", "\"name\": null")]
    public void Refuses_a_body_that_is_not_a_summary_document(string find, string replace)
    {
        var json = Encoding.UTF8.GetString(SummaryJson.ToUtf8Bytes(SummaryDocuments.Small()));
        Assert.Contains(find, json, StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => SummaryJson.Deserialize(Encoding.UTF8.GetBytes(json.Replace(find, replace, StringComparison.Ordinal))));
    }

    [Fact]
    public void Writes_names_outside_ascii_as_themselves_and_escapes_html_characters()
    {
        var json = Encoding.UTF8.GetString(SummaryJson.ToUtf8Bytes(SummaryDocuments.WithAreaName("Ynys Môn <&>")));

        Assert.Contains("\"name\": \"Ynys Môn \\u003C\\u0026\\u003E\"", json, StringComparison.Ordinal);
        Assert.Equal("Ynys Môn <&>", SummaryJson.Deserialize(Encoding.UTF8.GetBytes(json)).Areas[0].Name);
    }

    [Fact]
    public void Writes_a_single_area_document_for_an_area_query()
    {
        var document = SummaryDocuments.Small().ForArea("E08000026");

        Assert.NotNull(document);
        var area = Assert.Single(document.Areas);
        Assert.Equal("Coventry", area.Name);
        Assert.Equal(SummaryDocuments.Small().Total, document.Total);
        Assert.Equal(2, document.Sources.Count);
    }

    [Theory]
    [InlineData("E08000099")]
    [InlineData("e08000026")]
    [InlineData("")]
    public void Has_no_document_for_an_area_the_comparison_lacks(string code)
    {
        Assert.Null(SummaryDocuments.Small().ForArea(code));
    }

    private static string Compact(JsonElement element) =>
        "{" + string.Join(", ", element.EnumerateObject().Select(p => $"\"{p.Name}\": {p.Value.GetRawText()}")) + "}";
}
