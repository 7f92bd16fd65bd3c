using System.Text.RegularExpressions;

namespace Pipeline.Core.Tests.Architecture;

/// <summary>
/// The pages are Razor components, and a Razor component writes a value only as text or as an attribute's value, both
/// encoded (by Pipeline.Web's PageEncoder, as WebUtility.HtmlEncode does). The ways around that, handing the renderer a
/// string to take as HTML, are used nowhere in the sources: nothing read from a file, a form, the configuration or the
/// ledger can become markup. Were one ever needed (say, for an SVG drawn elsewhere), it would be one reviewed helper,
/// named here; there is none.
/// </summary>
public sealed partial class PageMarkupTests
{
    /// <summary>Files allowed to write raw HTML, each reviewed: none.</summary>
    private static readonly string[] Reviewed = [];

    [Fact]
    public void No_component_or_code_writes_a_string_as_raw_HTML()
    {
        var sources = Sources().ToList();

        var offenders = sources
            .Where(f => !Reviewed.Contains(f.Path))
            .SelectMany(f => File.ReadLines(RepositoryRoot.Combine(f.Path)).Select((line, i) => (f.Path, Line: i + 1, Text: line.Trim())))
            .Where(l => RawHtml().IsMatch(l.Text))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text}");

        Assert.Contains(sources, f => f.Path == "src/Pipeline.Web/Pages/PageLayout.razor"); // the scan sees the components
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("<p>@((MarkupString)Model.Message)</p>")]
    [InlineData("@(new MarkupString(html))")]
    [InlineData("builder.AddMarkupContent(0, html);")]
    [InlineData("builder.AddContent(1, (MarkupString)html);")]
    [InlineData("@Html.Raw(Model.Title)")]
    [InlineData("return new HtmlString(html);")]
    [InlineData("IHtmlContent content = helper.Raw(html);")]
    public void The_check_recognises_each_way_of_writing_raw_HTML(string line) => Assert.Matches(RawHtml(), line);

    [Fact]
    public void The_check_passes_markup_that_encodes_its_values() =>
        Assert.DoesNotMatch(RawHtml(), """<td class="govuk-table__cell">@cell.Text</td><a href="@Model.Href">@Model.LinkText</a>""");

    /// <summary>Every .razor, .cshtml and .cs file under src/, outside bin and obj.</summary>
    private static IEnumerable<(string Path, string Extension)> Sources() =>
        Directory.GetFiles(RepositoryRoot.Combine("src"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Select(f => (f, Path.GetExtension(f)))
            .Where(f => f.Item2 is ".razor" or ".cshtml" or ".cs");

    [GeneratedRegex(@"\bMarkupString\b|\bAddMarkupContent\b|\bHtml\.Raw\b|\bHtmlString\b|\bIHtmlContent\b|\.Raw\(")]
    private static partial Regex RawHtml();
}
