using System.Globalization;
using System.Text;

namespace Pipeline.Testing;

/// <summary>
/// A scheduled dataset with a disclosure rule (issue #26's release notes): <c>youth-referrals</c>, from the test-only
/// definitions, five areas' referrals and completions, published in releases at 09:30 London time, counts of 1 to 7
/// withheld as <c>[c]</c> and the rest rounded to 5.
/// </summary>
public static class ProtectedScheduledDataset
{
    public const string Id = "youth-referrals";

    /// <summary>The areas' codes, in the order a return lists them.</summary>
    public static readonly string[] Codes = ["E08000025", "E08000026", "E08000027", "E08000028", "E08000031"];

    private static readonly string[] Names = ["Birmingham", "Coventry", "Dudley", "Sandwell", "Wolverhampton"];

    /// <summary>Settings pointing the app at a new folder holding the app's definitions and this one.</summary>
    public static Dictionary<string, string?> Settings(AzuriteFixture azurite) => ScheduledDataset.Settings(azurite, Id);

    /// <summary>A return of <paramref name="quarter"/>: each area's referrals and completions, in the order of <see cref="Codes"/>.</summary>
    public static byte[] Return(string quarter, long[] referrals, long[] completions)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        ArgumentNullException.ThrowIfNull(completions);
        var text = new StringBuilder("quarter,area_code,area_name,referrals,completions\n");
        for (var i = 0; i < Codes.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{quarter},{Codes[i]},{Names[i]},{referrals[i]},{completions[i]}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
