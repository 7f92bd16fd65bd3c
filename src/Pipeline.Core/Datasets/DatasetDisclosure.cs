using System.Text.Json.Serialization;

namespace Pipeline.Core.Datasets;

/// <summary>
/// How a dataset's small counts are protected (docs/contract.md section 12, docs/method.md): every published count from
/// <see cref="Suppress"/>'s <c>from</c> to <c>to</c> is withheld, with secondary suppression so that none can be worked
/// out from what is published beside it; every other published count is rounded to a multiple of <see cref="RoundTo"/>
/// (midpoint up) when it is given; pages and CSV show <see cref="Symbol"/> where a value is withheld.
/// </summary>
public sealed record DatasetDisclosure(
    [property: JsonPropertyName("suppress")] DisclosureRange? Suppress,
    [property: JsonPropertyName("roundTo"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? RoundTo = null,
    [property: JsonPropertyName("symbol")] string? Symbol = DatasetDisclosure.DefaultSymbol)
{
    /// <summary>The GSS symbol for a value withheld for confidentiality.</summary>
    public const string DefaultSymbol = "[c]";

    /// <summary>Whether a count is small enough to be withheld for being small (zero never is).</summary>
    public bool IsSmall(long count) => Suppress is { } range && count >= range.From && count <= range.To && count > 0;

    /// <summary>
    /// A published count (or a change between two) rounded to the nearest multiple of <see cref="RoundTo"/>, a midpoint
    /// upwards (towards plus infinity); the count itself when there is no rounding.
    /// </summary>
    public long Round(long value)
    {
        if (RoundTo is not { } step || step <= 1)
        {
            return value;
        }

        // floor((2v + step) / 2step) * step, with floor division for a negative change.
        var numerator = checked((2 * value) + step);
        var denominator = 2 * step;
        var quotient = numerator / denominator;
        if (numerator % denominator != 0 && numerator < 0)
        {
            quotient--;
        }

        return checked(quotient * step);
    }
}

/// <summary>The counts withheld for being small: <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record DisclosureRange(
    [property: JsonPropertyName("from")] long From,
    [property: JsonPropertyName("to")] long To);
