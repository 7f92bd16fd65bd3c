namespace Pipeline.Core.Comparisons;

/// <summary>
/// The people a rate per population is taken over in each period: the population and the year of the estimate used,
/// or null with a <see cref="Note"/> saying why there is none.
/// </summary>
public sealed record PopulationPair(long? Current, int? CurrentYear, long? Previous, int? PreviousYear, string? Note)
{
    /// <summary>No population for either period, for the reason given.</summary>
    public static PopulationPair None(string note) => new(null, null, null, null, note);
}
