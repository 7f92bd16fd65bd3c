using CsCheck;

namespace Pipeline.Core.Tests.Properties;

/// <summary>Generators of whole numbers and of pairs that land on, or a hair beside, a rounding midpoint.</summary>
internal static class Counts
{
    /// <summary>The configured default maximum a count may hold.</summary>
    public const long ConfiguredMaximum = 1_000_000;

    /// <summary>Small, everyday, up to the configured maximum, up to the long range, and the edges themselves.</summary>
    public static readonly Gen<long> Whole = Gen.Frequency<long>(
        (2, Gen.Long[0, 20]),
        (4, Gen.Long[0, ConfiguredMaximum]),
        (2, Gen.Long[0, long.MaxValue]),
        (1, Gen.OneOf<long>(0, 1, ConfiguredMaximum - 1, ConfiguredMaximum, ConfiguredMaximum + 1, long.MaxValue - 1, long.MaxValue)));

    /// <summary>A count up to the configured maximum, its edges more often than chance would give them.</summary>
    public static readonly Gen<long> UpToMaximum = Gen.Frequency<long>(
        (1, Gen.Long[0, 20]),
        (6, Gen.Long[0, ConfiguredMaximum]),
        (1, Gen.OneOf<long>(0, 1, ConfiguredMaximum)));

    /// <summary>A multiplier that keeps a constructed pair inside the long range, from 1 up to huge.</summary>
    private static readonly Gen<long> Scale = Gen.Frequency<long>(
        (3, Gen.Long[1, 50]),
        (2, Gen.Long[1, long.MaxValue / 1_000_000_000_000])); // x 20,000 x (2h + 1) with h < 10,000 stays below 2^63.

    /// <summary>
    /// (part, whole) with 100 x part / whole = h/100 + 0.005 exactly, moved by -1, 0 or +1 in part: exactly on a midpoint,
    /// or as close beside one as whole numbers allow. whole = 20,000 m and part = (2h + 1) m.
    /// </summary>
    public static readonly Gen<(long Part, long Whole)> NearMidpoint =
        Gen.Select(Gen.Long[0, 9_999], Scale, Gen.Int[-1, 1], (h, m, nudge) =>
        {
            var whole = 20_000 * m;
            var part = ((2 * h) + 1) * m;
            return (Math.Max(0, part + nudge), whole);
        });

    /// <summary>(current, previous) counts: independent, or with a change that is a midpoint of previous (up or down).</summary>
    public static readonly Gen<(long Current, long Previous)> CountPair = Gen.Frequency<(long, long)>(
        (3, Gen.Select(Whole, Whole)),
        (2, Gen.Select(NearMidpoint, Gen.Bool, (pair, up) =>
            up && pair.Whole <= long.MaxValue - pair.Part ? (pair.Whole + pair.Part, pair.Whole) : (pair.Whole - pair.Part, pair.Whole))));

    /// <summary>(outcomes, offences) for one year's rate: independent (offences 0 included), or a midpoint rate.</summary>
    public static readonly Gen<(long Outcomes, long Offences)> RatePair = Gen.Frequency<(long, long)>(
        (3, Gen.Select(Whole, Whole)),
        (1, NearMidpoint));

    /// <summary>
    /// Two years' (outcomes, offences): independent, or over one number of offences with outcomes that differ by a
    /// midpoint's worth, so that the change in points (not either rate) sits on or beside a midpoint.
    /// </summary>
    public static readonly Gen<(long CurrentOutcomes, long CurrentOffences, long PreviousOutcomes, long PreviousOffences)> TwoRates =
        Gen.Frequency<(long, long, long, long)>(
            (3, Gen.Select(RatePair, RatePair, (current, previous) => (current.Outcomes, current.Offences, previous.Outcomes, previous.Offences))),
            (2, Gen.Select(NearMidpoint, Gen.Long[0, ConfiguredMaximum], Gen.Bool, (pair, start, up) =>
                up ? (start + pair.Part, pair.Whole, start, pair.Whole) : (start, pair.Whole, start + pair.Part, pair.Whole))));
}
