using Pipeline.Core.Comparisons;

namespace Pipeline.Core.Recalculation;

/// <summary>
/// A last step a release's documents go through before they are stored: the GSS marks of Releases/ReleaseMarks.cs,
/// applied after disclosure control. <see cref="Version"/> and <see cref="Scope"/> enter every document's input key,
/// so a document is rewritten when what marks it changes.
/// </summary>
/// <param name="Version">Bumped whenever the marking rule changes.</param>
/// <param name="Scope">What the marks rest on besides the document's own figures (the release's provisional quarters and earlier releases).</param>
/// <param name="Apply">The document with its marks.</param>
public sealed record DocumentMarking(string Version, string Scope, Func<SummaryDocument, SummaryDocument> Apply);
