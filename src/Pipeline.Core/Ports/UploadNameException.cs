namespace Pipeline.Core.Ports;

/// <summary>
/// A blob name that the storage client cannot address as itself: a <c>.</c> or <c>..</c> path segment, for example, is
/// resolved away by the URL, so <c>../accepted/x.csv</c> would address another container. Such a blob is never touched.
/// </summary>
public sealed class UploadNameException(string name, string reason)
    : Exception($"The blob name '{UploadNames.Visible(name)}' cannot be processed: {reason} Rename or remove it with another storage tool.")
{
    public string Name { get; } = name;
}
