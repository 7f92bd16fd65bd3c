using System.Globalization;
using System.Text;
using Pipeline.Core;
using Pipeline.Core.Validation;

namespace Pipeline.Testing;

/// <summary>Quarterly returns for the seven configured West Midlands areas, made to order.</summary>
public static class ReturnFiles
{
    public const string Header = "quarter,area_code,area_name,offences,knife_offences,positive_outcomes";

    /// <summary>
    /// A valid return for <paramref name="quarter"/>: area i (0-based, in code order) reports
    /// offences = base + i, knife = 1 + i, positive outcomes = 2 + i.
    /// </summary>
    public static byte[] Valid(string quarter, int offencesBase = 100)
    {
        var csv = new StringBuilder(Header).Append('\n');
        var areas = ValidationOptions.WestMidlands;
        for (var i = 0; i < areas.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{quarter},{areas[i].Code},{areas[i].Name},{offencesBase + i},{1 + i},{2 + i}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>The offences total of <see cref="Valid"/> for a given base.</summary>
    public static long OffencesTotal(int offencesBase = 100) => (7L * offencesBase) + 21;

    /// <summary>A return whose first area reports more knife offences than offences (row 2).</summary>
    public static byte[] KnifeExceedsOffences(string quarter)
    {
        var text = Encoding.UTF8.GetString(Valid(quarter));
        var first = ValidationOptions.WestMidlands[0];
        text = text.Replace($"{first.Code},{first.Name},100,1,2", $"{first.Code},{first.Name},5,9,2", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }

    public static Quarter Q(string text) => Quarter.Parse(text);
}
