using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web.Pages;

namespace Pipeline.Functions;

/// <summary><c>GET /assets/{path}</c>: the partner page's stylesheet, fonts and images, shipped with the app.</summary>
public sealed class PageAsset(PageAssets assets)
{
    [Function(nameof(PageAsset))]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "assets/{*path}")] HttpRequest request,
        string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return assets.Get(path);
    }
}
