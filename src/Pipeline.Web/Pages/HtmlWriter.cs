using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;

namespace Pipeline.Web.Pages;

/// <summary>
/// Writes a page. Markup comes only from the page's own code, as constants (<see cref="Markup"/> takes nothing else:
/// CA1857 fails the build otherwise); every value, whether text or an attribute, is HTML-encoded on the way in. So
/// nothing read from a file, a form or the ledger can become markup.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder html = new(8 * 1024);

    /// <summary>Markup written by the page itself: a constant, never a value.</summary>
    public HtmlWriter Markup([ConstantExpected] string markup)
    {
        html.Append(markup);
        return this;
    }

    /// <summary>Any value as text: &lt;, &gt;, &amp;, quotes and apostrophes are encoded.</summary>
    public HtmlWriter Text(string? text)
    {
        html.Append(WebUtility.HtmlEncode(text ?? string.Empty));
        return this;
    }

    /// <summary>Opens an element; the tag and attribute names are the page's own, the values are encoded.</summary>
    public HtmlWriter Open([ConstantExpected] string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            html.Append(' ').Append(name);
            if (value.Length > 0)
            {
                html.Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
            }
        }

        html.Append('>');
        return this;
    }

    public HtmlWriter Close([ConstantExpected] string tag)
    {
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlWriter Element([ConstantExpected] string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public override string ToString() => html.ToString();
}
