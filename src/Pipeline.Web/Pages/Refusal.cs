namespace Pipeline.Web.Pages;

/// <summary>
/// A request refused before the form is read (a cross-site post, nobody signed in, no role): its status, what happened,
/// and a link to what to do next (by default, the form). Shown by <see cref="RefusalPage"/>.
/// </summary>
public sealed record Refusal(int Status, string Title, string Message, string Href = "/submit", string LinkText = "Go to the form");
