using Microsoft.AspNetCore.Http;
using Pipeline.Core.Datasets;
using Pipeline.Core.Publication;
using Pipeline.Core.Revisions;

namespace Pipeline.Web;

/// <summary>The revision log's route, read through <see cref="PublishedFigures"/> as the other published figures are.</summary>
public sealed class RevisionHandlers(PublishedFigures published, DatasetRegistry datasets)
{
    /// <summary><c>GET /api/revisions?dataset=D</c>: every correction of the dataset's quarters, newest first; <c>[]</c> before any.</summary>
    public async Task<WebResult> RevisionsAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryParameters.TryRead(request.Query, [DatasetParameter.Name], out var values, out var problem) ||
            !DatasetParameter.TryRead(datasets, values, out var dataset, out problem))
        {
            return problem!;
        }

        var log = await published.RevisionsAsync(dataset, cancellationToken: cancellationToken);
        return new WebResult(StatusCodes.Status200OK, RevisionJson.ContentType, RevisionJson.ToUtf8Bytes(log, dataset));
    }
}
