using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Returns;

namespace Pipeline.Functions.Tests;

/// <summary>The release routes and the scheduled dataset's reads, called through the function classes as the host would.</summary>
internal static class ReleaseCalls
{
    public static readonly string Reader = Principals.Of("reader@example.org", "Preview." + ScheduledDataset.Id);

    public static Task<HttpResponse> ScheduleAsync(PipelineHarness app, string json, string? principal = null, bool anonymous = false) =>
        HttpCall.CallAsync(app, "POST", Encoding.UTF8.GetBytes(json), c => Make<ScheduleRelease>(app).RunAsync(c.Request, CancellationToken.None), principal: principal, anonymous: anonymous, path: "/api/releases");

    public static Task<HttpResponse> ListAsync(PipelineHarness app, string dataset = ScheduledDataset.Id) =>
        HttpCall.CallAsync(app, "GET", [], c => Make<ListReleases>(app).RunAsync(c.Request, CancellationToken.None), "?dataset=" + dataset, anonymous: true, path: "/api/releases");

    public static Task<HttpResponse> GetAsync(PipelineHarness app, string id) =>
        HttpCall.CallAsync(app, "GET", [], c => Make<GetRelease>(app).RunAsync(c.Request, id, CancellationToken.None), anonymous: true, path: "/api/releases/" + id);

    public static Task<HttpResponse> SummaryAsync(PipelineHarness app, string query = "", string? principal = null) =>
        HttpCall.CallAsync(app, "GET", [], c => Make<GetSummary>(app).RunAsync(c.Request, CancellationToken.None), "?dataset=" + ScheduledDataset.Id + query, principal, anonymous: principal is null, path: "/api/summary");

    public static Task<HttpResponse> SeriesAsync(PipelineHarness app, string query = "", string? principal = null) =>
        HttpCall.CallAsync(app, "GET", [], c => Make<GetSeries>(app).RunAsync(c.Request, CancellationToken.None), "?dataset=" + ScheduledDataset.Id + query, principal, anonymous: principal is null, path: "/api/series");

    public static Task<HttpResponse> RevisionsAsync(PipelineHarness app) =>
        HttpCall.CallAsync(app, "GET", [], c => Make<ListRevisions>(app).RunAsync(c.Request, CancellationToken.None), "?dataset=" + ScheduledDataset.Id, anonymous: true, path: "/api/revisions");

    public static Task<HttpResponse> DashboardAsync(PipelineHarness app, string query = "") =>
        HttpCall.CallAsync(app, "GET", [], c => Make<Dashboard>(app).RunAsync(c.Request, CancellationToken.None), "?dataset=" + ScheduledDataset.Id + query, anonymous: true, path: "/");

    /// <summary>Uploads a return of the scheduled dataset and processes it as the blob function would; its outcome.</summary>
    public static async Task<UploadStatus?> SendAsync(PipelineHarness app, string file, byte[] content)
    {
        var name = $"{ScheduledDataset.Id}/{file}";
        await app.UploadAsync(name, content);
        return (await app.Get<UploadProcessor>().ProcessAsync(name))?.Status;
    }

    private static T Make<T>(PipelineHarness app) => ActivatorUtilities.CreateInstance<T>(app.Services);
}
