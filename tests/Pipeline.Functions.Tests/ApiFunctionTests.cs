using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Functions.Tests;

/// <summary>The API's function classes, called as the ASP.NET Core integration calls them (the routes over HTTP are in ServeApiTests).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PutUpload_stores_processes_and_answers_201()
    {
        using var app = PipelineHarness.Create(azurite);

        var response = await CallAsync(app, "PUT", ReturnFiles.Valid("2024-Q3"), f => ActivatorUtilities.CreateInstance<PutUpload>(app.Services).RunAsync(f.Request, "returns/2024-Q3.csv", CancellationToken.None));

        Assert.Equal(201, response.StatusCode);
        using var outcome = JsonDocument.Parse(response.Body());
        Assert.Equal("accepted", outcome.RootElement.GetProperty("status").GetString());
        Assert.Equal(["returns/2024-Q3.csv"], await app.ListAsync(app.Accepted));
    }

    [Theory]
    [InlineData("../back.csv")]
    [InlineData("a/./b.csv")]
    public async Task PutUpload_refuses_a_name_the_storage_client_would_resolve_elsewhere(string name)
    {
        using var app = PipelineHarness.Create(azurite);

        var response = await CallAsync(app, "PUT", ReturnFiles.Valid("2024-Q3"), f => ActivatorUtilities.CreateInstance<PutUpload>(app.Services).RunAsync(f.Request, name, CancellationToken.None));

        Assert.Equal(400, response.StatusCode);
        using var problem = JsonDocument.Parse(response.Body());
        Assert.Equal("name", problem.RootElement.GetProperty("parameter").GetString());
        Assert.Empty(await app.ListAsync(app.Uploads));
    }

    [Fact]
    public async Task PutUpload_without_a_content_length_is_411()
    {
        using var app = PipelineHarness.Create(azurite);

        var response = await CallAsync(app, "PUT", ReturnFiles.Valid("2024-Q3"), f =>
        {
            f.Request.ContentLength = null;
            return ActivatorUtilities.CreateInstance<PutUpload>(app.Services).RunAsync(f.Request, "2024-Q3.csv", CancellationToken.None);
        });

        Assert.Equal(411, response.StatusCode);
    }

    [Fact]
    public async Task ValidateReturn_ListUploads_GetUploadReport_and_ListDatasets_answer_as_the_routes_do()
    {
        using var app = PipelineHarness.Create(azurite);

        var validate = await CallAsync(app, "POST", ReturnFiles.Valid("2024-Q3"), f => ActivatorUtilities.CreateInstance<ValidateReturn>(app.Services).RunAsync(f.Request, CancellationToken.None));
        var list = await CallAsync(app, "GET", [], f => ActivatorUtilities.CreateInstance<ListUploads>(app.Services).RunAsync(f.Request, CancellationToken.None));
        var report = await CallAsync(app, "GET", [], f => ActivatorUtilities.CreateInstance<GetUploadReport>(app.Services).RunAsync(f.Request, CancellationToken.None), "?file=x.csv");
        var datasets = await CallAsync(app, "GET", [], f => Task.FromResult(ActivatorUtilities.CreateInstance<ListDatasets>(app.Services).Run(f.Request)));

        Assert.Equal((200, 200, 404, 200), (validate.StatusCode, list.StatusCode, report.StatusCode, datasets.StatusCode));
        Assert.Equal("[]", System.Text.Encoding.UTF8.GetString(list.Body()));
    }

    [Fact]
    public async Task SubmitPage_is_refused_without_Entra_sign_in_and_served_behind_it()
    {
        using var app = PipelineHarness.Create(azurite);
        var off = new ConfigurationBuilder().Build();
        var on = new ConfigurationBuilder().AddInMemoryCollection([new(SubmitPage.SignInSetting, "True")]).Build();

        var refused = await CallAsync(app, "GET", [], f => ActivatorUtilities.CreateInstance<SubmitPage>(app.Services, off).RunAsync(f.Request, CancellationToken.None));
        var served = await CallAsync(app, "GET", [], f => ActivatorUtilities.CreateInstance<SubmitPage>(app.Services, on).RunAsync(f.Request, CancellationToken.None));
        var css = await CallAsync(app, "GET", [], f => Task.FromResult(ActivatorUtilities.CreateInstance<PageAsset>(app.Services).Run(f.Request, "govuk-frontend.min.css")));

        Assert.Equal(403, refused.StatusCode);
        Assert.Contains("enableEntraAuthentication", System.Text.Encoding.UTF8.GetString(refused.Body()), StringComparison.Ordinal);
        Assert.Equal(200, served.StatusCode);
        Assert.StartsWith("text/html", served.ContentType, StringComparison.Ordinal);
        Assert.Contains("Send the file", System.Text.Encoding.UTF8.GetString(served.Body()), StringComparison.Ordinal);
        Assert.Equal(200, css.StatusCode);
    }

    private static async Task<HttpResponse> CallAsync(PipelineHarness app, string method, byte[] body, Func<HttpContext, Task<IActionResult>> call, string query = "")
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query);
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        context.Response.Body = new MemoryStream();
        var result = await call(context);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return context.Response;
    }
}
