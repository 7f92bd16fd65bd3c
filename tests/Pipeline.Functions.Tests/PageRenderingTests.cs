using System.Net;
using System.Text.Encodings.Web;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core.Calendar;
using Pipeline.Core.Series;
using Pipeline.Web.Pages;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The pages' rendering: every value goes through PageEncoder, which encodes exactly as WebUtility.HtmlEncode (and as
/// the pages always have), whichever of the encoder's entry points the renderer uses; and the chart's arithmetic.
/// </summary>
public sealed class PageRenderingTests
{
    /// <summary>Text of every kind: ASCII with markup's characters, Latin-1, the rest of the BMP, surrogates paired or not.</summary>
    private static readonly Gen<string> Text =
        Gen.OneOf(
                Gen.OneOf(Gen.Char[' ', '~'], Gen.Char["<>&\"'"], Gen.Char['\u0080', '\u00ff'], Gen.Char['\u0100', '\uffff']).Select(c => c.ToString()),
                Gen.Const("😀"))
            .Array[0, 40].Select(string.Concat);

    [Fact]
    public void The_encoder_encodes_as_WebUtility_through_every_entry_point()
    {
        HtmlEncoder encoder = PageEncoder.Instance;
        Text.Sample(text =>
        {
            var expected = WebUtility.HtmlEncode(text);
            Assert.Equal(expected, encoder.Encode(text));

            var buffer = new char[(text.Length * encoder.MaxOutputCharactersPerInputCharacter) + 1];
            Assert.Equal(System.Buffers.OperationStatus.Done, encoder.Encode(text, buffer, out var read, out var written));
            Assert.Equal((text.Length, expected), (read, new string(buffer, 0, written)));

            using var writer = new StringWriter();
            encoder.Encode(writer, "x" + text + "y", 1, text.Length);
            Assert.Equal(expected, writer.ToString());
        });
    }

    [Fact]
    public async Task A_page_writes_every_value_encoded_as_text_and_as_an_attribute()
    {
        using var pages = new PageRenderer(NullLoggerFactory.Instance);

        await Text.SampleAsync(
            async text =>
            {
                var html = await pages.RenderAsync<RefusalPage, Refusal>(new Refusal(403, "Title", text, text, "Next"));

                Assert.Contains($"<p class=\"govuk-body\">{WebUtility.HtmlEncode(text)}</p>", html, StringComparison.Ordinal);
                Assert.Contains($"<a class=\"govuk-link\" href=\"{WebUtility.HtmlEncode(text)}\">Next</a>", html, StringComparison.Ordinal);
            },
            iter: 200);
    }

    [Fact]
    public async Task Markup_in_a_value_is_text_on_the_page()
    {
        using var pages = new PageRenderer(NullLoggerFactory.Instance);

        var html = await pages.RenderAsync<RefusalPage, Refusal>(new Refusal(400, "<script>alert(1)</script>", "Coventry \"City\" & 'Co' é – 😀"));

        Assert.Contains("<title>Error: &lt;script&gt;alert(1)&lt;/script&gt; – Pipeline</title>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"govuk-body\">Coventry &quot;City&quot; &amp; &#39;Co&#39; &#233; – &#128512;</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false, 4, 1)]
    [InlineData(0, true, 10, 2.5)]
    [InlineData(1, false, 1, 1)] // a step is a whole count
    [InlineData(3, false, 3, 1)]
    [InlineData(7, false, 8, 2)]
    [InlineData(2072, false, 3000, 1000)]
    [InlineData(1523, false, 2000, 500)]
    [InlineData(13.5, true, 15, 5)]
    [InlineData(12.96, true, 15, 5)]
    [InlineData(0.8, true, 0.8, 0.2)] // a rate's step need not be
    public void The_axis_rises_to_a_round_top_in_about_four_round_steps(decimal max, bool rate, decimal top, decimal step) =>
        Assert.Equal((top, step), ChartLayout.Scale(max, rate));

    [Fact]
    public void Bars_gridlines_and_labels_are_placed_on_the_axis_to_a_tenth()
    {
        // The sample returns' offences, all areas, 2023-Q1 to 2024-Q4: the dashboard's first chart.
        long[] offences = [1842, 1996, 2072, 1765, 1655, 1788, 1655, 1523];
        var points = offences.Select((v, i) => new MetricPoint(new Quarter(2023 + (i / 4), (i % 4) + 1), v)).ToList();

        var chart = new ChartLayout(points, rate: false, q => q.Year == 2024 ? "current" : "previous");

        Assert.Equal(3000, chart.AxisTop);
        Assert.Equal(["236", "162.7", "89.3", "16"], chart.Gridlines.Select(g => g.Y));
        Assert.Equal(["241", "167.7", "94.3", "21"], chart.Gridlines.Select(g => g.LabelY));
        Assert.Equal(["0", "1,000", "2,000", "3,000"], chart.Gridlines.Select(g => g.Label));
        Assert.Equal([true, false, false, false], chart.Gridlines.Select(g => g.Baseline));
        Assert.Equal(["82.4", "151.9", "221.4", "290.9", "360.4", "429.9", "499.4", "568.9"], chart.Slots.Select(s => s.Bar!.X));
        Assert.Equal(["135.1", "146.4", "151.9", "129.4", "121.4", "131.1", "121.4", "111.7"], chart.Slots.Select(s => s.Bar!.Height));
        Assert.All(chart.Slots, s => Assert.Equal(236m, decimal.Parse(s.Bar!.Y, System.Globalization.CultureInfo.InvariantCulture) + decimal.Parse(s.Bar.Height, System.Globalization.CultureInfo.InvariantCulture), 1));
        Assert.All(chart.Slots, s => Assert.Equal("48.6", s.Bar!.Width));
        Assert.Equal(["previous", "previous", "previous", "previous", "current", "current", "current", "current"], chart.Slots.Select(s => s.Bar!.Fill));
        Assert.Equal(["106.8", "176.2", "245.8", "315.2", "384.8", "454.2", "523.8", "593.2"], chart.Slots.Select(s => s.LabelX));
        Assert.Equal(["Q1", "Q2", "Q3", "Q4", "Q1", "Q2", "Q3", "Q4"], chart.Slots.Select(s => s.Quarter));
        Assert.Equal(["2023", null, null, null, "2024", null, null, null], chart.Slots.Select(s => s.Year));
    }

    [Fact]
    public void A_quarter_without_a_value_has_no_bar_and_a_rate_is_labelled_in_percent()
    {
        var points = new List<MetricPoint> { new(new Quarter(2024, 2), null), new(new Quarter(2024, 3), 12.5m), new(new Quarter(2024, 4), null) };

        var chart = new ChartLayout(points, rate: true, _ => "fill");

        Assert.Equal(["0%", "5%", "10%", "15%"], chart.Gridlines.Select(g => g.Label));
        Assert.Equal([false, true, false], chart.Slots.Select(s => s.Bar is not null));
        Assert.Equal(["2024", null, null], chart.Slots.Select(s => s.Year)); // the first slot names its year
        Assert.Equal("52.7", chart.Slots[1].Bar!.Y); // 236 - 220 x 12.5 / 15
    }
}
