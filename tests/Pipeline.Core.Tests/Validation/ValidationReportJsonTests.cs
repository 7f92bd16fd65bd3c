using System.Text.Json;
using Pipeline.Core.Validation;
using static Pipeline.Core.Tests.Validation.Validate;

namespace Pipeline.Core.Tests.Validation;

public sealed class ValidationReportJsonTests
{
    [Fact]
    public async Task Writes_a_report_with_exactly_the_contracts_properties_in_its_order()
    {
        var result = await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3").WithCell("E08000027", "offences", "12a").WithBlankLine());

        var json = ValidationReportJson.Serialize(result.Report);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["file", "valid", "quarter", "rows", "sha256", "truncated", "errors", "warnings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("returns/2024-Q3.csv", root.GetProperty("file").GetString());
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal("2024-Q3", root.GetProperty("quarter").GetString());
        Assert.Equal(7, root.GetProperty("rows").GetInt32());
        Assert.Equal(result.Report.Sha256, root.GetProperty("sha256").GetString());
        Assert.False(root.GetProperty("truncated").GetBoolean());

        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(["code", "row", "column", "value", "message"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("type-error", 4, "offences", "12a"), (error.GetProperty("code").GetString(), error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString()));
        Assert.Equal("Row 4, column offences: '12a' is not a whole number. Use digits only, e.g. 12.", error.GetProperty("message").GetString());

        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray());
        Assert.Equal(["code", "row", "message"], warning.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Writes_indented_json_that_keeps_the_messages_readable()
    {
        var report = new ValidationReport("2024-Q3.csv", false, null, 0, "ab", false, [new("type-error", 4, "offences", "<'&'>", "'x' is \"y\"")], []);

        var json = ValidationReportJson.Serialize(report);

        Assert.Contains("\n  \"file\": \"2024-Q3.csv\",", json, StringComparison.Ordinal);
        Assert.Contains("\"value\": \"<'&'>\"", json, StringComparison.Ordinal);
        Assert.Contains("\"message\": \"'x' is \\\"y\\\"\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_absent_quarter_and_hash_as_null()
    {
        var report = new ValidationReport("big.csv", false, null, 0, null, false, [new("file-too-large", null, null, null, "Too big.")], []);

        using var document = JsonDocument.Parse(ValidationReportJson.Serialize(report));

        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("quarter").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("sha256").ValueKind);
        Assert.Equal(["code", "message"], document.RootElement.GetProperty("errors")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Writes_several_reports_as_one_array()
    {
        var first = (await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q3"))).Report;
        var second = (await ReturnAsync(ReturnBuilder.ForQuarter("2024-Q4"))).Report;

        using var document = JsonDocument.Parse(ValidationReportJson.Serialize([first, second]));

        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        Assert.Equal(["returns/2024-Q3.csv", "returns/2024-Q4.csv"], document.RootElement.EnumerateArray().Select(r => r.GetProperty("file").GetString()));
    }
}
