using Microsoft.AspNetCore.Components;

namespace Pipeline.Web.Pages.Govuk;

/// <summary>
/// A cell of a <see cref="Table"/>: its text, or <see cref="Content"/> of its own (a tag, a code, a time); a numeric cell
/// (and its column's header) aligns right; <paramref name="Classes"/> are added to the cell's.
/// </summary>
public sealed record TableCell(string? Text, bool Numeric = false, string? Classes = null)
{
    public RenderFragment? Content { get; init; }
}

/// <summary>A row of a <see cref="Table"/>'s body; <paramref name="Classes"/> are added to the row's.</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, string? Classes = null);
