using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Web.Pages;

namespace Pipeline.Functions.Tests;

/// <summary>What an operator finds in the logs when the partner page refuses a form posted from another site.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PartnerPageLogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_form_posted_from_another_site_is_refused_and_logged_with_its_origin_and_this_sites_host()
    {
        using var app = PipelineHarness.Create(azurite);
        var logger = new RecordingLogger<PartnerPageHandlers>();
        var page = ActivatorUtilities.CreateInstance<PartnerPageHandlers>(app.Services, logger);
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Method = "POST";
        context.Request.Path = "/submit";
        context.Request.Host = new HostString("pipeline.example");
        context.Request.Headers.Origin = "https://forms.elsewhere.example";
        context.Request.Headers[Principals.Header] = HttpCall.Admin;

        var refused = await page.PostAsync(context.Request, CancellationToken.None);

        Assert.Equal(StatusCodes.Status403Forbidden, refused.Status);
        var logged = Assert.Single(logger.Events);
        Assert.Equal((5001, "CrossSiteFormRefused", LogLevel.Warning), (logged.Id.Id, logged.Id.Name, logged.Level));
        Assert.Equal("/submit", logged.Values["Path"]);
        Assert.Equal("https://forms.elsewhere.example", logged.Values["Origin"]);
        Assert.Equal(string.Empty, logged.Values["Referer"]);
        Assert.Equal("pipeline.example", logged.Values["Host"]);
    }
}
