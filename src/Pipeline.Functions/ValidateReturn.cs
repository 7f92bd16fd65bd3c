using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary><c>POST /api/validate?name=N&amp;dataset=D</c>: a return's validation report; stores nothing.</summary>
public sealed class ValidateReturn(UploadHandlers handlers)
{
    [Function(nameof(ValidateReturn))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/validate")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await handlers.ValidateAsync(request, cancellationToken);
}
