using Pipeline.Core.Ingestion;

namespace Pipeline.Web;

/// <summary>
/// What sending a file came to: refused because an upload of that name is still waiting, or stored and processed
/// (<see cref="Outcome"/> is null when another run processed it and has not recorded its outcome yet).
/// </summary>
internal sealed record UploadSending(bool StillWaiting, UploadOutcome? Outcome);
