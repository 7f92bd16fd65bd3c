using System.Globalization;
using System.Text;

namespace Pipeline.Core;

/// <summary>
/// The rules a name must meet to be sent (by <c>PUT /api/uploads/{name}</c>, the partner page or <c>pipeline ingest</c>),
/// and how any upload's name is shown to people. A sent name is the name storage keeps, the ledger records and the outcome
/// gives: nothing may rewrite it on the way (storage's URL rewrites <c>\</c> to <c>/</c>, so a <c>\</c> is refused), and
/// nothing in it may hide what it is (a control character, or a bidirectional override that makes
/// <c>rt-bidi-&#x202E;gpj.csv</c> read as <c>rt-bidi-vsc.jpg</c>).
/// </summary>
public static class UploadNames
{
    /// <summary>Azure's limit on a blob name, in characters.</summary>
    public const int MaxLength = 1024;

    /// <summary>The most storage takes in one Put Blob request (5,000 MiB), which is how every upload is written.</summary>
    public const long MaxSingleRequestBytes = 5000L * 1024 * 1024;

    /// <summary>
    /// Why <paramref name="name"/> cannot be sent, as a sentence that says what to do; null when it can. The checks run on
    /// the name exactly as storage will keep it.
    /// </summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "The upload needs a name: PUT /api/uploads/{name}, e.g. /api/uploads/2024-Q3.csv.";
        }

        if (name.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The name is {name.Length:N0} characters long, over storage's limit of {MaxLength:N0}. Give the file a shorter name.");
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return $"The name '{Visible(name)}' has a '\\'. Storage would keep it as '/', a folder, so it is refused rather than stored under another name: write folders with '/'.";
        }

        if (FirstHidden(name) is { } hidden)
        {
            return $"The name '{Visible(name)}' has the invisible character {Describe(hidden)}, which can make a name read as another. Rename the file with letters, digits and punctuation only.";
        }

        if (name.Split('/').Any(segment => segment is "." or ".."))
        {
            return $"The name '{Visible(name)}' has a '.' or '..' folder, which storage would resolve to another place. Send the file under its own name and its dataset's folder.";
        }

        if (name.StartsWith('/') || name.EndsWith('/'))
        {
            return $"The name '{Visible(name)}' starts or ends with '/'. Name the file itself, e.g. violence-admissions/2024-Q3.csv.";
        }

        return null;
    }

    /// <summary>
    /// <paramref name="name"/> as a person should see it: every control character and bidirectional formatting character
    /// written as <c>\uXXXX</c> (and <c>\</c> itself as <c>\\</c>, so that the escape cannot be forged), everything else as
    /// it is. Pages and the CLI show names through this; JSON keeps the name exactly.
    /// </summary>
    public static string Visible(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (FirstHidden(name) is null && !name.Contains('\\', StringComparison.Ordinal))
        {
            return name;
        }

        var visible = new StringBuilder(name.Length + 16);
        foreach (var c in name)
        {
            if (c == '\\')
            {
                visible.Append(@"\\");
            }
            else if (IsHidden(c))
            {
                visible.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                visible.Append(c);
            }
        }

        return visible.ToString();
    }

    /// <summary>
    /// Whether <paramref name="c"/> is a control character (C0, DEL, C1) or one of Unicode's bidirectional formatting
    /// characters (the marks, embeddings, overrides and isolates of UAX #9), none of which shows as itself.
    /// </summary>
    public static bool IsHidden(char c) =>
        char.IsControl(c) ||
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static char? FirstHidden(string name)
    {
        foreach (var c in name)
        {
            if (IsHidden(c))
            {
                return c;
            }
        }

        return null;
    }

    private static string Describe(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
}
