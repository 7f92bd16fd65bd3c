using Microsoft.AspNetCore.Http;
using Pipeline.Core.Datasets;
using Pipeline.Core.Releases;

namespace Pipeline.Web.Pages;

/// <summary>GET /releases: the release calendar of every dataset published on a schedule, or of the one <c>dataset</c> names; public.</summary>
public sealed class ReleasesPageHandlers(ReleaseSnapshots snapshots, ReleaseNotesReader notes, DatasetRegistry datasets, PageRenderer pages, TimeProvider timeProvider)
{
    public async Task<WebResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryParameters.TryRead(request.Query, ["dataset"], out var values, out var problem))
        {
            var detail = System.Text.Json.JsonDocument.Parse(problem!.Body).RootElement.GetProperty("detail").GetString()!;
            return await pages.RefusalAsync(new Refusal(StatusCodes.Status400BadRequest, "The calendar cannot be shown", detail, "/releases", "Go to the release calendar"));
        }

        IEnumerable<DatasetDefinition> chosen = datasets.All.Where(d => d.IsScheduled);
        if (values.TryGetValue("dataset", out var id))
        {
            if (!datasets.TryGet(id, out var dataset))
            {
                return await pages.RefusalAsync(new Refusal(StatusCodes.Status400BadRequest, "The calendar cannot be shown", datasets.UnknownDatasetParameter(id), "/releases", "Go to the release calendar"));
            }

            chosen = dataset.IsScheduled ? [dataset] : [];
        }

        var calendars = new List<(DatasetDefinition, IReadOnlyList<(Release, ReleaseNotes?)>)>();
        foreach (var dataset in chosen)
        {
            var releases = await snapshots.CalendarAsync(dataset, cancellationToken);
            var rows = new List<(Release, ReleaseNotes?)>(releases.Count);
            foreach (var release in releases)
            {
                rows.Add((release, await notes.NotesAsync(dataset, release, releases, cancellationToken)));
            }

            calendars.Add((dataset, rows));
        }

        var html = await pages.RenderAsync<ReleasesPage, ReleasesModel>(new ReleasesModel(calendars, timeProvider.GetUtcNow()));
        var result = PageResponses.Page(StatusCodes.Status200OK, html);
        return result;
    }
}
