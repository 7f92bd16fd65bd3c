namespace Pipeline.Web.Pages;

/// <summary>
/// Which areas the dashboard's tables show when a dataset has more than a page of them (a national deployment): page
/// <see cref="Number"/> of <see cref="Pages"/>, <see cref="PerPage"/> areas a page in code order, of the
/// <see cref="Matches"/> areas whose name or code contains <see cref="Search"/> (every area when it is null).
/// </summary>
public sealed record AreaPage(int Number, int Pages, int Matches, string? Search)
{
    /// <summary>Areas a page, as GOV.UK's tables of results show them.</summary>
    public const int PerPage = 50;

    public const string PageParameter = "page";

    public const string SearchParameter = "search";

    /// <summary>The areas of page <see cref="Number"/> among <paramref name="matching"/>.</summary>
    public IEnumerable<T> Of<T>(IEnumerable<T> matching) => matching.Skip((Number - 1) * PerPage).Take(PerPage);
}
