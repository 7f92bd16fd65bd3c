namespace Pipeline.Core.Workbooks;

/// <summary>
/// The release a workbook belongs to, for the cover's "Published" and "Next release" rows: an optional input, absent
/// while datasets publish continuously (docs/contract.md section 11). Scheduled releases pass it in; without it the cover
/// has neither row.
/// </summary>
/// <param name="Published">When the release was published.</param>
/// <param name="NextRelease">When the next is due, as announced ("12 March 2026", or "March 2026" while provisional); null when none is announced.</param>
public sealed record WorkbookRelease(DateTimeOffset Published, string? NextRelease);
