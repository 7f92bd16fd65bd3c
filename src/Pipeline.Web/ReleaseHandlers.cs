using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Core.Datasets;
using Pipeline.Core.Releases;
using Pipeline.Web.Access;

namespace Pipeline.Web;

/// <summary>
/// The release calendar's routes (docs/contract.md section 11): <c>GET /api/releases?dataset=D</c> and
/// <c>GET /api/releases/{id}</c> for anyone, <c>POST /api/releases</c> for operators.
/// </summary>
public sealed class ReleaseHandlers(ReleaseCalendar releases, ReleaseSnapshots snapshots, ReleaseNotesReader notes, DatasetRegistry datasets, ICallers callers, TimeProvider timeProvider)
{
    /// <summary>The largest body <c>POST /api/releases</c> reads.</summary>
    private const int MaxBody = 16 * 1024;

    /// <summary><c>GET /api/releases?dataset=D</c>: the calendar, latest first; <c>[]</c> for a dataset published continuously.</summary>
    public async Task<WebResult> ListAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryParameters.TryRead(request.Query, [DatasetParameter.Name], out var values, out var problem) ||
            !DatasetParameter.TryRead(datasets, values, out var dataset, out problem))
        {
            return problem!;
        }

        return new WebResult(StatusCodes.Status200OK, ReleaseJson.ContentType, await CalendarJsonAsync(dataset, cancellationToken));
    }

    /// <summary>The calendar of <paramref name="dataset"/> as JSON, with each published release's notes.</summary>
    public async Task<byte[]> CalendarJsonAsync(DatasetDefinition dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.IsScheduled)
        {
            return "[]"u8.ToArray();
        }

        var calendar = await snapshots.CalendarAsync(dataset, cancellationToken);
        var withNotes = new List<(Release, ReleaseNotes?)>(calendar.Count);
        foreach (var release in calendar)
        {
            withNotes.Add((release, await notes.NotesAsync(dataset, release, calendar, cancellationToken)));
        }

        return ReleaseJson.ToUtf8Bytes(withNotes, dataset, timeProvider.GetUtcNow());
    }

    /// <summary><c>GET /api/releases/{id}</c>: one release, with its notes once published; 404 naming the id.</summary>
    public async Task<WebResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryParameters.TryRead(request.Query, [], out _, out var problem))
        {
            return problem!;
        }

        if (await releases.FindAsync(id, cancellationToken) is not { } release)
        {
            return WebResult.Problem(StatusCodes.Status404NotFound, "Not Found", ReleaseCalendar.NoSuchRelease(id), "id");
        }

        var dataset = datasets.Get(release.Dataset);
        var calendar = await snapshots.CalendarAsync(dataset, cancellationToken);
        return new WebResult(
            StatusCodes.Status200OK,
            ReleaseJson.ContentType,
            ReleaseJson.ToUtf8Bytes(release, await notes.NotesAsync(dataset, release, calendar, cancellationToken), dataset, timeProvider.GetUtcNow()));
    }

    /// <summary>
    /// <c>POST /api/releases</c> with <c>{"dataset", "date", "through", "title"}</c>: announces a release (operators only);
    /// 201 with it, 400 naming the problem, 409 when the dataset already has a release that day.
    /// </summary>
    public async Task<WebResult> ScheduleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Action = "schedule releases";
        if (AccessAnswers.SignedIn(callers.Resolve(request), Action, out var caller) is { } unsigned)
        {
            return unsigned;
        }

        if (!caller.IsAdmin)
        {
            return WebResult.Problem(StatusCodes.Status403Forbidden, "Forbidden", $"You may not {Action}: that needs the app role {Caller.AdminRole}.");
        }

        if (!QueryParameters.TryRead(request.Query, [], out _, out var problem))
        {
            return problem!;
        }

        if (request.ContentLength is > MaxBody)
        {
            return WebResult.Problem(StatusCodes.Status413PayloadTooLarge, "Content Too Large", $"A release is a small JSON object; this body is over {MaxBody} bytes.");
        }

        string? dataset, date, through, title;
        try
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken);
            using var json = JsonDocument.Parse(body.ToArray());
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("not an object");
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Name is not ("dataset" or "date" or "through" or "title") || property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return WebResult.BadParameter(property.Name, $"'{property.Name}' is not a member of a release, or not a string. A release is {{\"dataset\", \"date\", \"through\", \"title\"}}, each a string.");
                }
            }

            dataset = Member(json.RootElement, "dataset");
            date = Member(json.RootElement, "date");
            through = Member(json.RootElement, "through");
            title = Member(json.RootElement, "title");
        }
        catch (JsonException)
        {
            return WebResult.Problem(StatusCodes.Status400BadRequest, "Bad Request", "The body is not a JSON object. Send {\"dataset\": \"D\", \"date\": \"YYYY-MM-DD\", \"through\": \"YYYY-Qn\", \"title\": \"T\"} (title optional).");
        }

        var answer = await releases.ScheduleAsync(dataset, date, through, title, caller.Name ?? "operator", cancellationToken);
        if (answer.Release is not { } release)
        {
            return Refused(answer);
        }

        var headers = new Dictionary<string, string> { ["Location"] = "/api/releases/" + Uri.EscapeDataString(release.Id) };
        return new WebResult(StatusCodes.Status201Created, ReleaseJson.ContentType, ReleaseJson.ToUtf8Bytes(release, null, datasets.Get(release.Dataset), timeProvider.GetUtcNow()), headers);
    }

    /// <summary>A refused schedule or move as its problem+json: 400, 404 or 409, naming the parameter.</summary>
    public static WebResult Refused(ReleaseAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Refusal switch
        {
            ReleaseRefusal.NotFound => WebResult.Problem(StatusCodes.Status404NotFound, "Not Found", answer.Problem!, answer.Parameter),
            ReleaseRefusal.DateTaken => WebResult.Problem(StatusCodes.Status409Conflict, "Conflict", answer.Problem!, answer.Parameter),
            _ => WebResult.BadParameter(answer.Parameter!, answer.Problem!),
        };
    }

    private static string? Member(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
