using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Web.Access;

/// <summary>
/// A request's caller, or why the principal it carries cannot be read (a sentence for a 400 answer).
/// <paramref name="SignInAvailable"/> is false where nobody can sign in (the function app without App Service
/// Authentication), so that a refusal says so instead of sending people to a sign-in page that is not there.
/// </summary>
public readonly record struct CallerResult(Caller Caller, string? Problem, bool SignInAvailable = true);

/// <summary>How a request's caller is known: from the platform's principal header, or by being the local operator.</summary>
public interface ICallers
{
    CallerResult Resolve(HttpRequest request);
}

/// <summary>
/// The function app in Azure: App Service Authentication signs people in and sets <c>X-MS-CLIENT-PRINCIPAL</c>, removing
/// any copy a client sent, but only when it is on (<c>WEBSITE_AUTH_ENABLED</c>). Without it the header could come from
/// anyone, so it is never read and nobody is signed in.
/// </summary>
public sealed class PlatformCallers(IConfiguration configuration) : ICallers
{
    public const string SignInSetting = "WEBSITE_AUTH_ENABLED";

    public bool SignInEnabled => string.Equals(configuration[SignInSetting], "true", StringComparison.OrdinalIgnoreCase);

    public CallerResult Resolve(HttpRequest request) =>
        SignInEnabled ? HeaderCallers.FromHeader(request) : new CallerResult(Caller.Anonymous, null, SignInAvailable: false);
}

/// <summary>
/// <c>pipeline serve --identity</c>: each request's principal read from its own <c>X-MS-CLIENT-PRINCIPAL</c> exactly as
/// App Service Authentication sends it (no header: nobody is signed in), so that every access rule can be tried locally.
/// </summary>
public sealed class HeaderCallers : ICallers
{
    public CallerResult Resolve(HttpRequest request) => FromHeader(request);

    internal static CallerResult FromHeader(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Headers[ClientPrincipal.HeaderName];
        if (values.Count == 0)
        {
            return new CallerResult(Caller.Anonymous, null);
        }

        if (values.Count > 1)
        {
            return new CallerResult(Caller.Anonymous, $"The request has {values.Count} {ClientPrincipal.HeaderName} headers; a principal is one.");
        }

        return ClientPrincipal.TryRead(values[0] ?? string.Empty, out var caller, out var problem)
            ? new CallerResult(caller, null)
            : new CallerResult(Caller.Anonymous, problem);
    }
}

/// <summary><c>pipeline serve</c> without <c>--identity</c>: an operator's tool on 127.0.0.1, whose user may do everything.</summary>
public sealed class OperatorCallers : ICallers
{
    public CallerResult Resolve(HttpRequest request) => new(Caller.Operator, null);
}
