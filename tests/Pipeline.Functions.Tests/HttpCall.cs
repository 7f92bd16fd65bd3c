using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Functions.Tests;

/// <summary>Calls the function classes as the ASP.NET Core integration would, and captures the response.</summary>
internal static class HttpCall
{
    public static Task<HttpResponse> GetSummaryAsync(PipelineHarness app, string query, string? ifNoneMatch = null) =>
        GetAsync(app, "/api/summary", query, ifNoneMatch, (services, request) => ActivatorUtilities.CreateInstance<GetSummary>(services).RunAsync(request, CancellationToken.None));

    public static Task<HttpResponse> GetSeriesAsync(PipelineHarness app, string query, string? ifNoneMatch = null) =>
        GetAsync(app, "/api/series", query, ifNoneMatch, (services, request) => ActivatorUtilities.CreateInstance<GetSeries>(services).RunAsync(request, CancellationToken.None));

    public static Task<HttpResponse> GetDashboardAsync(PipelineHarness app, string query, string? ifNoneMatch = null) =>
        GetAsync(app, "/", query, ifNoneMatch, (services, request) => ActivatorUtilities.CreateInstance<Dashboard>(services).RunAsync(request, CancellationToken.None));

    /// <summary>An administrator, as App Service Authentication describes one: the principal of the calls below unless told.</summary>
    public static readonly string Admin = Principals.Of("ops@example.org", "Pipeline.Admin");

    /// <summary>
    /// Any function, with a <paramref name="method"/>, a body and a query string, as <paramref name="call"/> runs it, the
    /// platform's principal header set to <paramref name="principal"/> (an administrator unless told; null for nobody).
    /// </summary>
    public static async Task<HttpResponse> CallAsync(
        PipelineHarness app, string method, byte[] body, Func<HttpContext, Task<IResult>> call, string query = "", string? principal = null, bool anonymous = false, string path = "")
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Path = path;
        if (!anonymous)
        {
            context.Request.Headers[Principals.Header] = principal ?? Admin;
        }

        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query);
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        context.Response.Body = new MemoryStream();
        var result = await call(context);
        await result.ExecuteAsync(context);
        return context.Response;
    }

    private static async Task<HttpResponse> GetAsync(
        PipelineHarness app, string path, string query, string? ifNoneMatch, Func<IServiceProvider, HttpRequest, Task<IResult>> run)
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        context.Response.Body = new MemoryStream();
        var result = await run(app.Services, context.Request);
        await result.ExecuteAsync(context);
        return context.Response;
    }

    public static byte[] Body(this HttpResponse response) => ((MemoryStream)response.Body).ToArray();

    public static string Text(this HttpResponse response) => System.Text.Encoding.UTF8.GetString(response.Body());
}
