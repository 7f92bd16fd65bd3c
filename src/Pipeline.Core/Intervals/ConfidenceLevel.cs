namespace Pipeline.Core.Intervals;

/// <summary>The one confidence level the pipeline publishes: 95%, two-sided.</summary>
public static class ConfidenceLevel
{
    /// <summary>
    /// The standard normal quantile for 97.5%, to the 7 significant figures the public health indicator methods use
    /// (PHEindicatormethods, the OHID technical guide), so that published intervals match theirs.
    /// </summary>
    public const double Z = 1.959964;

    /// <summary>The probability left in each tail, (1 - 0.95) / 2, for the exact Poisson interval.</summary>
    public const double TailProbability = 0.025;
}
