using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipeline.Web.Access;

/// <summary>
/// The answers to a request that needs a role it lacks (docs/contract.md section 10), decided in one place for the API:
/// 400 when the principal cannot be read, 401 when nobody is signed in, 403 naming the dataset when the role is missing.
/// A refusal says nothing about the dataset's uploads: not their names, their number or whether there are any.
/// </summary>
public static class AccessAnswers
{
    public const string SignInPath = "/.auth/login/aad";

    /// <summary>Null when a principal is signed in (its caller in <paramref name="caller"/>); else the 400 or 401 answer.</summary>
    public static WebResult? SignedIn(CallerResult who, string action, out Caller caller)
    {
        caller = who.Caller;
        if (who.Problem is { } problem)
        {
            return WebResult.Problem(StatusCodes.Status400BadRequest, "Bad Request", problem);
        }

        if (caller.IsSignedIn)
        {
            return null;
        }

        return WebResult.Problem(
            StatusCodes.Status401Unauthorized,
            "Unauthorized",
            who.SignInAvailable
                ? $"Sign in to {action}: {SignInPath}. Published figures need no sign-in; sending and checking returns does."
                : $"Sign in to {action}: but sign-in is not turned on for this deployment, so nobody can yet. An administrator turns on Entra ID sign-in (enableEntraAuthentication, docs/deployment.md). Published figures need no sign-in.");
    }

    /// <summary>
    /// Null when <paramref name="caller"/> may submit to <paramref name="dataset"/>; else the 403 answer naming it, and
    /// the refusal logged with the principal's name and the dataset (an operator asked "why may I not send?" finds it).
    /// </summary>
    public static WebResult? MaySubmit(Caller caller, string dataset, string action, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.MaySubmit(dataset))
        {
            return null;
        }

        WebLog.SubmitRoleRefused(logger, caller.Name, action, dataset, Caller.SubmitPrefix + dataset);
        return Forbidden(dataset, action);
    }

    public static WebResult Forbidden(string dataset, string action) =>
        WebResult.Problem(
            StatusCodes.Status403Forbidden,
            "Forbidden",
            $"You may not {action} of the dataset '{dataset}': that needs the app role {Caller.SubmitPrefix}{dataset}. Ask an administrator to assign it to you.");
}
