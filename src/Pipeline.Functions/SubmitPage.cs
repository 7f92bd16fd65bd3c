using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Pipeline.Web;
using Pipeline.Web.Pages;

namespace Pipeline.Functions;

/// <summary>
/// <c>GET</c> (and <c>HEAD</c>) and <c>POST /submit</c>: the partner page, the same handlers as <c>pipeline serve</c>'s. A browser cannot
/// send a function key with a form, so in Azure the page is served only behind App Service Authentication (Entra ID
/// sign-in, the Bicep option <c>enableEntraAuthentication</c>; the platform then sets <c>WEBSITE_AUTH_ENABLED</c>).
/// Without it the page would be an open door to the uploads, so it says how to turn sign-in on instead.
/// </summary>
public sealed class SubmitPage(PartnerPageHandlers page, IConfiguration configuration)
{
    public const string SignInSetting = "WEBSITE_AUTH_ENABLED";

    [Function(nameof(SubmitPage))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "submit")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(configuration[SignInSetting], "true", StringComparison.OrdinalIgnoreCase))
        {
            return new WebActionResult(WebResult.Problem(
                StatusCodes.Status403Forbidden,
                "Forbidden",
                "The partner page is served only behind Entra ID sign-in. Deploy with enableEntraAuthentication=true (see docs/deployment.md), or use pipeline serve locally."));
        }

        return new WebActionResult(HttpMethods.IsPost(request.Method)
            ? await page.PostAsync(request, cancellationToken)
            : await page.GetAsync(cancellationToken));
    }
}
