using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;

namespace Pipeline.Web.Pages;

/// <summary>
/// How the pages' components encode every value, text or attribute: exactly as <see cref="WebUtility.HtmlEncode(string)"/>
/// does (&lt; &gt; &amp; " and ' as entities, and Latin-1 letters and characters beyond the Basic Multilingual Plane as
/// numeric references; everything else as it is). The renderer's default encoder is stricter in a way no browser needs
/// (an apostrophe as <c>&amp;#x27;</c>, "é", "–" and "+" as references too), which would change the bytes the pages have
/// always served. Given to the renderer by <see cref="PageRenderer"/>; nothing else uses it.
/// </summary>
internal sealed class PageEncoder : HtmlEncoder
{
    public static readonly PageEncoder Instance = new();

    private PageEncoder()
    {
    }

    /// <summary>The longest reference: <c>&amp;#1114111;</c>.</summary>
    public override int MaxOutputCharactersPerInputCharacter => 10;

    public override string Encode(string value) => WebUtility.HtmlEncode(value);

    public override void Encode(TextWriter output, string value, int startIndex, int characterCount)
    {
        ArgumentNullException.ThrowIfNull(value);
        WebUtility.HtmlEncode(startIndex == 0 && characterCount == value.Length ? value : value.Substring(startIndex, characterCount), output);
    }

    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount) =>
        WebUtility.HtmlEncode(new string(value, startIndex, characterCount), output);

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar is '<' or '>' or '&' or '"' or '\'' or (>= 160 and < 256) or >= 0x10000;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            // A surrogate is a character beyond the BMP (a reference) or a lone half (U+FFFD): either way not as it is.
            if (char.IsSurrogate(span[i]) || WillEncode(span[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var encoded = !WillEncode(unicodeScalar) ? char.ConvertFromUtf32(unicodeScalar)
            : unicodeScalar switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => string.Create(CultureInfo.InvariantCulture, $"&#{unicodeScalar};"),
            };
        if (encoded.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        encoded.AsSpan().CopyTo(new Span<char>(buffer, bufferLength));
        numberOfCharactersWritten = encoded.Length;
        return true;
    }
}
