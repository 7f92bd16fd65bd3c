using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Core.Calendar;

/// <summary>
/// The wire names of <see cref="YearBasis"/>: exactly <c>calendar</c> and <c>financial</c>, lower-case. Other spellings
/// (<c>Calendar</c>, <c> calendar</c>) are refused so that one basis has one name in URLs, storage keys and caches.
/// </summary>
public static class YearBasisNames
{
    public const string Calendar = "calendar";
    public const string Financial = "financial";

    public static string ToWireName(this YearBasis basis) => basis switch
    {
        YearBasis.Calendar => Calendar,
        YearBasis.Financial => Financial,
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
            default:
                basis = default;
                return false;
        }
    }
}
