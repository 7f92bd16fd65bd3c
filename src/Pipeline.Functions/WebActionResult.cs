using Microsoft.AspNetCore.Mvc;
using Pipeline.Web;

namespace Pipeline.Functions;

/// <summary>Writes a handler's <see cref="WebResult"/> exactly, so the function app and <c>pipeline serve</c> answer alike.</summary>
internal sealed class WebActionResult(WebResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return result.WriteAsync(context.HttpContext.Response, context.HttpContext.RequestAborted);
    }
}
