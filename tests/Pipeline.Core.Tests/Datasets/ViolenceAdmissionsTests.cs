using System.Text;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;
using Pipeline.Core.Summaries;
using Pipeline.Core.Validation;

namespace Pipeline.Core.Tests.Datasets;

/// <summary>The second shipped dataset, run through the same engine with no code of its own.</summary>
public sealed class ViolenceAdmissionsTests
{
    private static readonly DatasetDefinition Admissions = DatasetRegistry.BuiltIn.Get("violence-admissions");
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_sample_return_is_valid()
    {
        foreach (var path in SamplePaths())
        {
            var result = await ValidateAsync(await File.ReadAllBytesAsync(path), "violence-admissions/" + Path.GetFileName(path));

            Assert.True(result.Report.Valid, path);
            Assert.Equal(7, result.Return!.Areas.Count);
        }
    }

    [Fact]
    public async Task Rejects_sharp_object_admissions_above_admissions_at_the_row_and_column()
    {
        var bytes = ReturnBuilder.For(Admissions, "2024-Q3").WithCounts("E08000027", null, 10, 12).BuildBytes();

        var result = await ValidateAsync(bytes, "violence-admissions/2024-Q3.csv");

        var error = Assert.Single(result.Report.Errors);
        Assert.Equal(("sharp-exceeds-admissions", 4, "sharp_object_admissions", "12"), (error.Code, error.Row, error.Column, error.Value));
        Assert.Equal(
            "Row 4, column sharp_object_admissions: 12 sharp object admissions is more than the 10 admissions of the row. Sharp object admissions are counted within admissions: correct one of the two figures.",
            error.Message);
    }

    [Fact]
    public async Task A_police_return_is_not_an_admissions_return()
    {
        var result = await ValidateAsync(ReturnFiles.Valid("2024-Q3"), "violence-admissions/2024-Q3.csv");

        Assert.Equal(
            [("missing-column", "admissions"), ("missing-column", "sharp_object_admissions")],
            result.Report.Errors.Select(e => (e.Code, e.Column!)));
        Assert.Contains(
            "the header needs the columns quarter,area_code,area_name,admissions,sharp_object_admissions (in any order)",
            result.Report.Errors[0].Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compares_2024_with_2023_by_the_definitions_metrics()
    {
        var accepted = new List<AcceptedQuarter>();
        foreach (var path in SamplePaths())
        {
            var result = await ValidateAsync(await File.ReadAllBytesAsync(path), Path.GetFileName(path));
            accepted.Add(new AcceptedQuarter(result.Return!.Quarter, Path.GetFileName(path), result.Report.Sha256!, Now, Now, result.Return.Areas, Admissions.Id));
        }

        var document = ComparisonCalculator.ComputeAll(Admissions, accepted, ValidationOptions.WestMidlands, Now)
            .Single(d => d.Period == new Period(YearBasis.Calendar, 2024));

        Assert.Equal("violence-admissions", document.Dataset);
        Assert.Equal(new CountMetric(1240, 1340, -100, -7.46m), document.Total.Metrics.Get("admissions").Count);
        Assert.Equal(new CountMetric(194, 234, -40, -17.09m), document.Total.Metrics.Get("sharpObjectAdmissions").Count);
        // Wilson's intervals for 194/1240 and 234/1340 and Newcombe's for the change, worked independently (docs/method.md).
        Assert.Equal(new RateMetric(15.65m, 17.46m, -1.82m, 13.73m, 17.77m, 15.52m, 19.59m, -4.68m, 1.06m), document.Total.Metrics.Get("sharpObjectShare").Rate);
        var csv = Encoding.UTF8.GetString(SummaryCsv.ToUtf8Bytes(document)).Split("\r\n")[0];
        Assert.Equal(
            "basis,period,previous_period,status,area_code,area_name,admissions_current,admissions_previous,admissions_change,admissions_change_percent," +
            "sharp_object_admissions_current,sharp_object_admissions_previous,sharp_object_admissions_change,sharp_object_admissions_change_percent," +
            "sharp_object_share_current,sharp_object_share_previous,sharp_object_share_change_points,sharp_object_share_current_lower,sharp_object_share_current_upper," +
            "sharp_object_share_previous_lower,sharp_object_share_previous_upper,sharp_object_share_change_lower,sharp_object_share_change_upper",
            csv);
        var json = Encoding.UTF8.GetString(SummaryJson.ToUtf8Bytes(document));
        Assert.Contains("\"sharpObjectShare\": {\n      \"current\": 15.65,\n      \"previous\": 17.46,\n      \"changePoints\": -1.82,\n      \"currentLower\": 13.73,", json, StringComparison.Ordinal);
        Assert.Equal(document, SummaryJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    private static Task<ValidationResult> ValidateAsync(byte[] bytes, string name)
    {
        var validator = new ReturnValidator(new ValidationOptions(), new FakeTimeProvider(Now), Admissions);
        using var stream = new MemoryStream(bytes);
        return validator.ValidateAsync(stream, name, bytes.Length);
    }

    private static string[] SamplePaths() =>
        [.. Directory.GetFiles(RepositoryRoot.Combine("samples", "violence-admissions"), "*.csv").Order(StringComparer.Ordinal)];
}
