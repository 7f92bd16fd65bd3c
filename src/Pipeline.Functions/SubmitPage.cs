using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web.Pages;

namespace Pipeline.Functions;

/// <summary>
/// <c>GET</c> (and <c>HEAD</c>) and <c>POST /submit</c>: the partner page, the same handlers as <c>pipeline serve</c>'s. The
/// route is open to the platform; the handler decides who may use it from the signed-in principal (App Service
/// Authentication, read only when <c>WEBSITE_AUTH_ENABLED</c> is on): 401 with a sign-in link for nobody, 403 for a
/// principal with no <c>Submit.D</c> role, and the form for the datasets the principal may send.
/// </summary>
public sealed class SubmitPage(PartnerPageHandlers page)
{
    [Function(nameof(SubmitPage))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "submit")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsPost(request.Method)
            ? await page.PostAsync(request, cancellationToken)
            : await page.GetAsync(request, cancellationToken);
    }
}
