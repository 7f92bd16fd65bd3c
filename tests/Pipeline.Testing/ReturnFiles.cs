using Pipeline.Core.Calendar;
using Pipeline.Core.Validation;

namespace Pipeline.Testing;

/// <summary>Named returns of the default dataset, made with <see cref="ReturnBuilder"/>, for the storage and CLI tests.</summary>
public static class ReturnFiles
{
    public const string Header = "quarter,area_code,area_name,offences,knife_offences,positive_outcomes";

    /// <summary>
    /// A valid return for <paramref name="quarter"/>: area i (0-based, in code order) reports
    /// offences = base + i, knife = 1 + i, positive outcomes = 2 + i.
    /// </summary>
    public static byte[] Valid(string quarter, int offencesBase = 100) => ValidBuilder(quarter, offencesBase).BuildBytes();

    /// <summary>The builder behind <see cref="Valid"/>, to change one thing of it.</summary>
    public static ReturnBuilder ValidBuilder(string quarter, int offencesBase = 100)
    {
        var builder = ReturnBuilder.ForQuarter(quarter);
        var areas = ValidationOptions.WestMidlands;
        for (var i = 0; i < areas.Count; i++)
        {
            builder.WithArea(areas[i].Code, areas[i].Name, offencesBase + i, 1 + i, 2 + i);
        }

        return builder;
    }

    /// <summary>The offences total of <see cref="Valid"/> for a given base.</summary>
    public static long OffencesTotal(int offencesBase = 100) => (7L * offencesBase) + 21;

    /// <summary>A return whose first area reports more knife offences than offences (row 2).</summary>
    public static byte[] KnifeExceedsOffences(string quarter)
    {
        var first = ValidationOptions.WestMidlands[0];
        return ValidBuilder(quarter).WithArea(first.Code, first.Name, 5, 9, 2).BuildBytes();
    }

    public static Quarter Q(string text) => Quarter.Parse(text);
}
