using System.Diagnostics;
using System.Text.Json;

namespace Pipeline.Core.Tests.Schemas;

/// <summary>
/// The committed Table Schemas checked by a validator that is not Pipeline's: the Frictionless project's JavaScript
/// library (npm tableschema, installed by npm ci), through scripts/tableschema-validate.js. Every sample passes; a bad
/// return fails for each of its faults.
/// </summary>
public sealed class TableSchemaValidatorTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("tableschema-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Theory]
    [InlineData("serious-youth-violence", "samples")]
    [InlineData("violence-admissions", "samples/violence-admissions")]
    public void Every_sample_return_passes_its_datasets_table_schema(string dataset, string folder)
    {
        var samples = Directory.GetFiles(RepositoryRoot.Combine(folder.Split('/')), "*.csv").Order(StringComparer.Ordinal).ToArray();

        var (exitCode, results) = Validate(dataset, samples);

        Assert.Equal(8, samples.Length);
        Assert.Equal(samples, results.Select(r => r.File));
        Assert.All(results, r => Assert.True(r.Valid, $"{r.File}: {string.Join(" ", r.Errors)}"));
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void A_return_pipeline_rejects_is_rejected_by_the_table_schema_for_each_fault_it_can_express()
    {
        var bad = Write("bad.csv", ReturnBuilder.ForQuarter("2024-Q1")
            .WithRow("2024-Q5", "E08000025", "Birmingham", "688", "35", "80")
            .WithCell("E08000026", "offences", "-1")
            .WithCell("E08000027", "knife_offences", "1O")
            .WithCell("E08000028", "positive_outcomes", "1000001")
            .WithRow("2024-Q1", "E08000099", "Nowhere", "1", "0", "0")
            .Build());
        var missing = Write("missing.csv", ReturnBuilder.ForQuarter("2024-Q1").WithHeader("quarter", "area_code", "area_name", "offences", "knife_offences").Build());
        var good = Write("2024-Q1.csv", ReturnBuilder.ForQuarter("2024-Q1").Build());

        var (exitCode, results) = Validate("serious-youth-violence", [bad, missing, good]);

        Assert.Equal(1, exitCode);
        Assert.Equal([false, false, true], results.Select(r => r.Valid));
        var errors = string.Join("\n", results[0].Errors);
        Assert.Contains("\"2024-Q5\" does not conform to the \"pattern\" constraint for column \"quarter\"", errors, StringComparison.Ordinal);
        Assert.Contains("\"-1\" does not conform to the \"minimum\" constraint for column \"offences\"", errors, StringComparison.Ordinal);
        Assert.Contains("\"1O\" in column \"knife_offences\" is not type \"integer\"", errors, StringComparison.Ordinal);
        Assert.Contains("\"1000001\" does not conform to the \"maximum\" constraint for column \"positive_outcomes\"", errors, StringComparison.Ordinal);
        Assert.Contains("\"E08000099\" does not conform to the \"enum\" constraint for column \"area_code\"", errors, StringComparison.Ordinal);
        Assert.Contains("positive_outcomes", string.Join("\n", results[1].Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void An_area_twice_breaks_the_primary_key()
    {
        var twice = Write("twice.csv", ReturnBuilder.ForQuarter("2024-Q1").WithRow("2024-Q1", "E08000025", "Birmingham", "1", "0", "0").Build());

        var (exitCode, results) = Validate("serious-youth-violence", [twice]);

        Assert.Equal(1, exitCode);
        Assert.Contains("unique constraint violation in column \"quarter, area_code\"", Assert.Single(Assert.Single(results).Errors), StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int ExitCode, List<Result> Results) Validate(string dataset, string[] files)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryRoot.Combine("scripts", "tableschema-validate.js"));
        start.ArgumentList.Add(RepositoryRoot.Combine("docs", "schemas", dataset + ".tableschema.json"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        Assert.True(node.WaitForExit(TimeSpan.FromMinutes(1)), "node did not finish within a minute.");
        Assert.True(node.ExitCode is 0 or 1, $"node exited {node.ExitCode}: {stderr.Result}");
        var results = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<Result>(line, JsonOptions)!)
            .ToList();
        return (node.ExitCode, results);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record Result(string File, bool Valid, IReadOnlyList<string> Errors);
}
