using Pipeline.Core.Datasets;
using Pipeline.Core.Releases;

namespace Pipeline.Web.Pages;

/// <summary>What /releases shows: each scheduled dataset's releases, latest first, with the notes of those published, as at <see cref="Now"/>.</summary>
public sealed record ReleasesModel(IReadOnlyList<(DatasetDefinition Dataset, IReadOnlyList<(Release Release, ReleaseNotes? Notes)> Releases)> Calendars, DateTimeOffset Now);
