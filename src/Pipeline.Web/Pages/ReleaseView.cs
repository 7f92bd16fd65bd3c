using Pipeline.Core.Datasets;
using Pipeline.Core.Releases;

namespace Pipeline.Web.Pages;

/// <summary>
/// What the dashboard says of a scheduled dataset's releases, for people, in its local time: when the figures shown were
/// published, when the next release is due, and, on a preview, when the figures shown will be.
/// </summary>
public sealed record ReleaseView(string Dataset, string? Published, string? Next, string? PreviewOf)
{
    public static ReleaseView? Of(DatasetDefinition dataset, Release? published, Release? next, Release? preview)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.IsScheduled)
        {
            return null;
        }

        string? Say(Release? release) => release is null ? null : ReleaseTime.ForPeople(release.PublishAt, dataset.Publication!);
        return new ReleaseView(dataset.Id, preview is null ? Say(published) : null, Say(next), Say(preview));
    }
}
