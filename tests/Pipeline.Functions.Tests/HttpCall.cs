using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Functions.Tests;

/// <summary>Calls <see cref="GetSummary"/> as the ASP.NET Core integration would, and captures the response.</summary>
internal static class HttpCall
{
    public static async Task<HttpResponse> GetSummaryAsync(PipelineHarness app, string query, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Method = "GET";
        context.Request.Path = "/api/summary";
        context.Request.QueryString = new QueryString(query);
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        context.Response.Body = new MemoryStream();
        var function = ActivatorUtilities.CreateInstance<GetSummary>(app.Services);
        var result = await function.RunAsync(context.Request, CancellationToken.None);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return context.Response;
    }

    public static byte[] Body(this HttpResponse response) => ((MemoryStream)response.Body).ToArray();

    public static string Text(this HttpResponse response) => System.Text.Encoding.UTF8.GetString(response.Body());
}
