using Microsoft.AspNetCore.Http;

namespace Pipeline.Web;

/// <summary>Who is sending a file through the API or the partner page: the <c>sentBy</c> of its upload (contract section 10).</summary>
internal static class Sender
{
    /// <summary>
    /// The sender of <paramref name="request"/>. For now every request is the operator's, as <c>pipeline serve</c> treats
    /// its user; the signed-in principal's name once requests carry one.
    /// </summary>
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return "operator";
    }
}
