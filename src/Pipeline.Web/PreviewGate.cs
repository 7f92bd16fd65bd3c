using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Core.Datasets;
using Pipeline.Core.Releases;
using Pipeline.Web.Access;

namespace Pipeline.Web;

/// <summary>
/// Pre-release access (docs/contract.md section 11): a request with <c>preview=true</c> sees the coming release of a
/// scheduled dataset, if its caller has <c>Preview.D</c> (or is an operator) and the release is within
/// <c>preReleaseHours</c> of its instant; each such view is recorded (who, when, what). Anything else is refused: 401 when
/// nobody is signed in, 403 otherwise, saying why. A preview is never cached by anyone but its reader.
/// </summary>
public sealed class PreviewGate(ReleaseSnapshots snapshots, IReleaseCalendar calendar, DatasetRegistry datasets, ICallers callers, TimeProvider timeProvider)
{
    public const string Parameter = "preview";

    /// <summary>The request's query without <c>preview</c>, and whether it asked for a preview (<c>preview=true</c>; <c>false</c> is not asking).</summary>
    public static (List<KeyValuePair<string, string?>> Others, bool Asked, WebResult? Problem) Split(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rest = QueryParameters.Pairs(query).Where(p => p.Key != Parameter).ToList();
        if (!query.TryGetValue(Parameter, out var values))
        {
            return (rest, false, null);
        }

        return values.Count == 1 && values[0] is "true" or "false"
            ? (rest, values[0] == "true", null)
            : (rest, false, WebResult.BadParameter(Parameter, "Parameter 'preview' is 'true' (the coming release, for its pre-release readers) or 'false', given once."));
    }

    /// <summary>The coming release of the dataset named by <paramref name="datasetId"/> that the caller may see now (the view recorded), or the refusal.</summary>
    public async Task<(Release? Coming, WebResult? Refusal)> OpenAsync(HttpRequest request, string? datasetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!datasets.TryGet(datasetId ?? DatasetDefinition.DefaultId, out var dataset))
        {
            return (null, WebResult.BadParameter("dataset", datasets.UnknownDatasetParameter(datasetId)));
        }

        const string Action = "see releases before they are published";
        if (AccessAnswers.SignedIn(callers.Resolve(request), Action, out var caller) is { } unsigned)
        {
            return (null, unsigned);
        }

        if (!caller.MayPreview(dataset.Id))
        {
            return (null, Forbidden($"You may not see releases of the dataset '{dataset.Id}' before they are published: that needs the app role {Caller.PreviewPrefix}{dataset.Id}."));
        }

        var (coming, problem, continuous) = await ComingAsync(dataset, caller.Name ?? "operator", request.Path + request.QueryString, cancellationToken);
        return problem is null ? (coming, null) : (null, continuous ? WebResult.BadParameter(Parameter, problem) : Forbidden(problem));
    }

    /// <summary>
    /// The coming release of <paramref name="dataset"/> if its pre-release window is open now, the view recorded as
    /// <paramref name="principal"/>'s of <paramref name="asked"/>; else why not (<c>Continuous</c>: the dataset has no
    /// releases at all). The caller has already been found to be a pre-release reader or an operator (pipeline summary
    /// --preview is run by one).
    /// </summary>
    public async Task<(Release? Coming, string? Problem, bool Continuous)> ComingAsync(DatasetDefinition dataset, string principal, string asked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.IsScheduled)
        {
            return (null, $"'{dataset.Id}' is published continuously: there is no coming release to preview.", true);
        }

        var now = timeProvider.GetUtcNow();
        var (_, next) = await snapshots.TimelineAsync(dataset, now, cancellationToken);
        if (next is null)
        {
            return (null, $"No release of '{dataset.Id}' is scheduled, so there is nothing to preview.", false);
        }

        var opens = next.PublishAt.AddHours(-dataset.Publication!.PreReleaseHours);
        if (now < opens)
        {
            return (null, $"Pre-release access to {next.Id} opens at {ReleaseTime.Iso(opens, dataset.Publication)}, {dataset.Publication.PreReleaseHours} hours before it is published.", false);
        }

        await calendar.RecordAccessAsync(next.Id, new ReleaseAccess(now, principal, asked), cancellationToken);
        return (next, null, false);
    }

    /// <summary>
    /// <paramref name="answer"/> marked as a preview: a JSON object gains <c>"preview": true</c> and <c>"publishAt"</c>
    /// first; every answer says <c>Cache-Control: private, no-store</c> and carries no ETag.
    /// </summary>
    public static WebResult Mark(WebResult answer, Release coming, DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(coming);
        ArgumentNullException.ThrowIfNull(dataset);
        var publishAt = ReleaseTime.Iso(coming.PublishAt, dataset.Publication!);
        var headers = (answer.Headers ?? new Dictionary<string, string>()).Where(h => h.Key != "ETag").ToDictionary();
        headers["Cache-Control"] = "private, no-store";
        headers["X-Preview-Publish-At"] = publishAt;
        var body = answer.Body;
        if (answer.Streamed is null && answer.ContentType.StartsWith("application/json", StringComparison.Ordinal) && body.Length > 1 && body[0] == (byte)'{')
        {
            body = [(byte)'{', .. Encoding.UTF8.GetBytes($"\n  \"preview\": true,\n  \"publishAt\": \"{publishAt}\","), .. body.AsSpan(1)];
        }

        return answer with { Body = body, Headers = headers };
    }

    private static WebResult Forbidden(string detail) => WebResult.Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);
}
