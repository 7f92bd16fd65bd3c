namespace Pipeline.Web.Pages.Govuk;

/// <summary>An error in an <see cref="ErrorSummary"/>: what is wrong, and the field it is about (<c>#id</c>).</summary>
public sealed record ErrorLink(string Text, string Href);
