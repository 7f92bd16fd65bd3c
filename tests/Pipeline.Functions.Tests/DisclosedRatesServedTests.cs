using System.Text.Json.Nodes;
using Pipeline.Core.Recalculation;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Where disclosure control (docs/contract.md section 12) meets rates' intervals (section 13), as served: a rate whose
/// count is withheld is withheld with every bound of its interval and with the change's interval, in the JSON (null and
/// "&lt;key&gt;Suppressed": true), the CSV (the symbol) and the dashboard; a rate whose counts are published keeps its
/// interval. The samples' Coventry has its sharp-object admissions of 2024 (5 + 5 + 6 + 5) and of 2023 withheld.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DisclosedRatesServedTests(AzuriteFixture azurite)
{
    private const string Dataset = "violence-admissions";

    private static readonly string[] Figures = ["current", "previous", "changePoints", "currentLower", "currentUpper", "previousLower", "previousUpper", "changeLower", "changeUpper"];

    [Fact]
    public async Task A_withheld_count_withholds_its_rate_and_the_rates_intervals_in_every_served_form()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.IngestDatasetSamplesAsync(Dataset);
        await app.Get<RecalculationService>().RecalculateAsync(force: true);

        var response = await HttpCall.GetSummaryAsync(app, $"?dataset={Dataset}&basis=calendar&period=2024");
        Assert.Equal(200, response.StatusCode);
        var summary = JsonNode.Parse(response.Body())!;
        ResponseSchemas.AssertValid(ResponseSchemas.Summary, summary);

        var coventry = summary["areas"]!.AsArray().Single(a => (string?)a!["code"] == "E08000026")!;
        Assert.Equal(true, (bool?)coventry["sharpObjectAdmissions"]!["currentSuppressed"]);
        var share = coventry["sharpObjectShare"]!.AsObject();
        foreach (var key in Figures)
        {
            Assert.True(share.ContainsKey(key), key);
            Assert.Null(share[key]);
            Assert.Equal(true, (bool?)share[key + "Suppressed"]);
        }

        Assert.Equal(Figures.Length * 2, share.Count);

        // The total's counts are published, so its rate keeps its intervals: Wilson's for 194/1240 and 234/1340 and
        // Newcombe's for the change, worked independently in Python at z = 1.959964 (as DashboardTests has them).
        var total = summary["total"]!["sharpObjectShare"]!.AsObject();
        Assert.Equal(
            [15.65m, 17.46m, -1.82m, 13.73m, 17.77m, 15.52m, 19.59m, -4.68m, 1.06m],
            Figures.Select(key => (decimal)total[key]!));
        Assert.DoesNotContain(total, p => p.Key.EndsWith("Suppressed", StringComparison.Ordinal));

        var csv = (await HttpCall.GetSummaryAsync(app, $"?dataset={Dataset}&basis=calendar&period=2024&format=csv")).Text();
        var header = csv[..csv.IndexOf('\r', StringComparison.Ordinal)].Split(',');
        var row = csv.Split("\r\n").Single(l => l.Contains(",E08000026,", StringComparison.Ordinal)).Split(',');
        Assert.All(header.Select((c, i) => (c, i)).Where(p => p.c.StartsWith("sharp_object_share_", StringComparison.Ordinal)), p => Assert.Equal("[c]", row[p.i]));
        Assert.Equal(9, header.Count(c => c.StartsWith("sharp_object_share_", StringComparison.Ordinal)));

        var page = (await HttpCall.GetDashboardAsync(app, $"?dataset={Dataset}&area=E08000026")).Text();
        Assert.Contains("Withheld ([c])", page, StringComparison.Ordinal);
        // Coventry's only rate is withheld, so no sentence says what its interval shows.
        Assert.DoesNotContain("This is a statistically significant", page, StringComparison.Ordinal);
        Assert.DoesNotContain("This is not a statistically significant", page, StringComparison.Ordinal);
        Assert.DoesNotContain("79228162514264337593543950335", csv + page, StringComparison.Ordinal);
        Assert.DoesNotContain("79,228,162,514,264,337,593,543,950,335", page, StringComparison.Ordinal);
    }
}
