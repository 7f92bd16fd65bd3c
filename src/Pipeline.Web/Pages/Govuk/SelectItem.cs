namespace Pipeline.Web.Pages.Govuk;

/// <summary>An option of a <see cref="Select"/>.</summary>
public sealed record SelectItem(string Value, string Text, bool Selected);
