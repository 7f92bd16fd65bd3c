using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Returns;
using Pipeline.Testing.Disclosure;

namespace Pipeline.Functions.Tests;

/// <summary>Reads of scheduled datasets with a disclosure rule, release by release, for the release notes' and revisions' tests and the checker.</summary>
internal static class ProtectedReleases
{
    /// <summary>
    /// What one release publishes and the releases before it (<paramref name="earlier"/>) did, for the checker: its
    /// version of 2026-Q4 named as revision <paramref name="version"/> (null: the latest, as it is), its notes' previous
    /// values as figures of revision <paramref name="previous"/>, and its revision log's previous totals of that revision.
    /// </summary>
    public static PublicFigures Figures(DatasetDefinition definition, Published release, int? version, byte[]? notes, int previous, PublicFigures? earlier)
    {
        var figures = new PublicFigures(definition, release.SeriesBody, release.Summaries, release.RevisionsBody, q => q == "2026-Q4" && version is { } v ? PublicFigures.Version(q, v) : q);
        if (earlier is not null)
        {
            figures.Include(earlier);
        }

        if (notes is not null)
        {
            figures.ReadReleaseNotes(notes, q => PublicFigures.Version(q, previous));
            figures.ReadReplacedTotals(release.RevisionsBody, (q, n) => n == previous + 1 ? PublicFigures.Version(q, previous) : null);
        }

        return figures;
    }

    public static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();

    /// <summary>What a release publishes, read through the functions: the series, every summary of every basis and period, the revision log.</summary>
    public static async Task<Published> PublishedAsync(PipelineHarness app, string dataset, string[] quarters)
    {
        var series = await HttpCall.GetSeriesAsync(app, "?dataset=" + dataset);
        Assert.Equal(200, series.StatusCode);
        var summaries = new List<byte[]>();
        foreach (var basis in YearBasisNames.All)
        {
            foreach (var (period, _) in ComparablePeriods.Of(basis, quarters.Select(Quarter.Parse)))
            {
                var summary = await HttpCall.GetSummaryAsync(app, $"?dataset={dataset}&basis={basis.ToWireName()}&period={period}");
                Assert.Equal(200, summary.StatusCode);
                summaries.Add(summary.Body());
            }
        }

        var revisions = await HttpCall.CallAsync(app, "GET", [], f => ActivatorUtilities.CreateInstance<ListRevisions>(app.Services).RunAsync(f.Request, CancellationToken.None), "?dataset=" + dataset, anonymous: true, path: "/api/revisions");
        return new Published(series.Body(), summaries, revisions.Body());
    }

    /// <summary>Sends a return straight into storage, with the blob metadata reason and kind when given, and processes it.</summary>
    public static async Task SendAsync(PipelineHarness app, string dataset, string file, byte[] content, string? reason = null, string? kind = null)
    {
        var name = $"{dataset}/{file}";
        await app.Uploads.CreateIfNotExistsAsync();
        var metadata = reason is null ? null : new Dictionary<string, string> { ["reason"] = Uri.EscapeDataString(reason), ["kind"] = kind! };
        await app.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = metadata });
        Assert.Equal(UploadStatus.Accepted, (await app.Get<UploadProcessor>().ProcessAsync(name))?.Status);
    }
}

/// <summary>What one release publishes, as read through the functions.</summary>
internal sealed record Published(byte[] SeriesBody, List<byte[]> Summaries, byte[] RevisionsBody)
{
    public string Series => System.Text.Encoding.UTF8.GetString(SeriesBody);

    public string Revisions => System.Text.Encoding.UTF8.GetString(RevisionsBody);
}
