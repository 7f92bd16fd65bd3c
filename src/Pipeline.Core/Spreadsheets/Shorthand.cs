namespace Pipeline.Core.Spreadsheets;

/// <summary>
/// A shorthand the Government Statistical Service puts in a cell of its own where a number would be (docs/contract.md
/// section 14): the symbol in square brackets and what it means, for the cover's list. A table's cell holds one through
/// <see cref="Cell.Of(Shorthand)"/>; the kinds other work adds (withheld figures, rates without a population, revisions)
/// are already here to be used.
/// </summary>
public sealed record Shorthand(string Symbol, string Meaning)
{
    /// <summary><c>[c]</c>: withheld to protect confidentiality (disclosure control).</summary>
    public static readonly Shorthand Withheld = new("[c]", "Confidential: withheld so that no one can be identified.");

    /// <summary><c>[z]</c>: there is no figure to give, such as a percentage change from 0 or a rate of nothing.</summary>
    public static readonly Shorthand NotApplicable = new("[z]", "Not applicable: there is no figure to give, such as a percentage change from 0, or a rate when there was nothing to count it of.");

    /// <summary><c>[x]</c>: a figure that exists but is not held, such as a quarter an area sent no return for.</summary>
    public static readonly Shorthand NotAvailable = new("[x]", "Not available: the figure is not held, such as for a quarter whose return did not include the area.");

    /// <summary><c>[p]</c>: provisional, to be revised.</summary>
    public static readonly Shorthand Provisional = new("[p]", "Provisional: the figure may be revised.");

    /// <summary><c>[r]</c>: revised since first published.</summary>
    public static readonly Shorthand Revised = new("[r]", "Revised: the figure has changed since it was first published.");
}
