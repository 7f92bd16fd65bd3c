using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Revisions;

/// <summary>
/// The corrections of a dataset's quarters (revision 2 and above), newest first, for <c>GET /api/revisions</c> and
/// <c>pipeline revisions</c> alike. A duplicate or superseded upload changes no figures and is not a revision.
/// </summary>
public sealed class RevisionLog(IAcceptedQuarterStore quarters)
{
    public async Task<IReadOnlyList<QuarterRevision>> ListAsync(DatasetDefinition dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return [.. (await quarters.ListRevisionsAsync(dataset.Id, cancellationToken))
            .OrderByDescending(r => r.AcceptedAt)
            .ThenByDescending(r => r.Quarter)
            .ThenByDescending(r => r.Revision)];
    }
}
