using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Calendar;

namespace Pipeline.Core.Validation;

/// <summary>Finds quarter tokens (2024-Q3, 2024_q3, 2024Q3) in the last segment of a blob name or path.</summary>
internal static partial class FileNameQuarter
{
    /// <summary>The first token in the file's own name (folders are ignored) that is not <paramref name="quarter"/>.</summary>
    public static (string Token, Quarter Quarter)? FindMismatch(string fileName, Quarter quarter)
    {
        foreach (Match match in Token().Matches(BaseName(fileName)))
        {
            var named = new Quarter(
                int.Parse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture),
                match.Groups["number"].ValueSpan[0] - '0');
            if (named != quarter)
            {
                return (match.Value, named);
            }
        }

        return null;
    }

    public static string BaseName(string fileName) => fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];

    [GeneratedRegex(@"(?<![0-9])(?<year>[0-9]{4})[-_]?[Qq](?<number>[1-4])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
