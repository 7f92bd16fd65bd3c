namespace Pipeline.Core.Intervals;

/// <summary>
/// When a change is called statistically significant (docs/method.md), judged on the published, rounded bounds so that a
/// reader can check the words against the figures: a proportion's change when its interval excludes 0; a rate per
/// population when the two periods' intervals do not overlap (touching counts as overlapping).
/// </summary>
public static class Significance
{
    /// <summary>From a change's interval (Newcombe's, in points): a rise when the lower bound is above 0, a fall when the upper is below.</summary>
    public static ChangeSignificance OfChange(decimal? lower, decimal? upper) => (lower, upper) switch
    {
        ({ } l, { } u) when l > 0 && u >= l => ChangeSignificance.Rise,
        ({ } l, { } u) when u < 0 && u >= l => ChangeSignificance.Fall,
        ({ }, { }) => ChangeSignificance.NotSignificant,
        _ => ChangeSignificance.Unknown,
    };

    /// <summary>From the two periods' intervals: a rise when this period's lower bound is above last period's upper, a fall when the reverse.</summary>
    public static ChangeSignificance OfTwoIntervals(decimal? currentLower, decimal? currentUpper, decimal? previousLower, decimal? previousUpper)
    {
        if (currentLower is not { } cl || currentUpper is not { } cu || previousLower is not { } pl || previousUpper is not { } pu)
        {
            return ChangeSignificance.Unknown;
        }

        return cl > pu ? ChangeSignificance.Rise : cu < pl ? ChangeSignificance.Fall : ChangeSignificance.NotSignificant;
    }

    /// <summary>The dashboard's sentence after a rate (docs/contract.md, section 13); null when there is nothing to judge.</summary>
    public static string? Sentence(ChangeSignificance significance) => significance switch
    {
        ChangeSignificance.Rise => "This is a statistically significant rise.",
        ChangeSignificance.Fall => "This is a statistically significant fall.",
        ChangeSignificance.NotSignificant => "This is not a statistically significant change.",
        _ => null,
    };
}
