using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Core.Calendar;

/// <summary>
/// The wire names of <see cref="YearBasis"/>: exactly <c>calendar</c>, <c>financial</c> and <c>rolling</c>, lower-case.
/// Other spellings (<c>Calendar</c>, <c> calendar</c>) are refused so that one basis has one name in URLs, storage keys
/// and caches.
/// </summary>
public static class YearBasisNames
{
    public const string Calendar = "calendar";
    public const string Financial = "financial";
    public const string Rolling = "rolling";

    /// <summary>Every basis, in the order summaries, storage and status list them.</summary>
    public static IReadOnlyList<YearBasis> All { get; } = [YearBasis.Calendar, YearBasis.Financial, YearBasis.Rolling];

    public static string ToWireName(this YearBasis basis) => basis switch
    {
        YearBasis.Calendar => Calendar,
        YearBasis.Financial => Financial,
        YearBasis.Rolling => Rolling,
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a year basis."),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out YearBasis basis)
    {
        switch (text)
        {
            case Calendar:
                basis = YearBasis.Calendar;
                return true;
            case Financial:
                basis = YearBasis.Financial;
                return true;
            case Rolling:
                basis = YearBasis.Rolling;
                return true;
            default:
                basis = default;
                return false;
        }
    }
}
