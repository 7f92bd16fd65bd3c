namespace Pipeline.Core.Intervals;

/// <summary>What the published intervals say about a change between two periods.</summary>
public enum ChangeSignificance
{
    /// <summary>No interval to judge by (a rate or bound is missing).</summary>
    Unknown,

    /// <summary>The intervals do not rule out chance.</summary>
    NotSignificant,

    /// <summary>A statistically significant rise.</summary>
    Rise,

    /// <summary>A statistically significant fall.</summary>
    Fall,
}
