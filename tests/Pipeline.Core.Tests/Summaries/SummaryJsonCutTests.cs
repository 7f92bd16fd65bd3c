using System.Text;
using CsCheck;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Datasets;
using Pipeline.Core.Summaries;

namespace Pipeline.Core.Tests.Summaries;

/// <summary>
/// A large summary is cut into runs of areas as it is written (a national recalculation cuts a hundred bodies of about
/// 6 MB). The cut must be exactly the one <see cref="JsonPieces.Cut"/> makes of the whole body, which the stored pieces
/// were cut by before: the same head, keys, piece bytes and tail, so that stored documents, their hashes and the names of
/// their pieces are unchanged.
/// </summary>
public class SummaryJsonCutTests
{
    [Fact]
    public void The_small_document_cut_a_area_at_a_time_is_the_whole_body_cut_after()
    {
        var document = SummaryDocuments.Small();
        var cut = SummaryJson.Cut(document, 1);

        Assert.Equal(["E08000025", "E08000026"], cut.Pieces.Select(p => p.Key));
        Assert.EndsWith("\"areas\": [", Encoding.UTF8.GetString(cut.Head), StringComparison.Ordinal);
        Assert.StartsWith(",\n    {\n      \"code\": \"E08000026\"", Encoding.UTF8.GetString(cut.Pieces[1].Content), StringComparison.Ordinal);
        AssertSameAsCutAfter(document, 1, cut);
    }

    [Fact]
    public void A_document_with_no_area_has_no_piece_and_its_head_and_tail_are_the_whole_body()
    {
        var document = SummaryDocuments.Small() with { Areas = [] };
        var cut = SummaryJson.Cut(document, 3);

        Assert.Empty(cut.Pieces);
        Assert.Equal(SummaryJson.ToUtf8Bytes(document), (byte[])[.. cut.Head, .. cut.Tail]);
        AssertSameAsCutAfter(document, 3, cut);
    }

    [Fact]
    public void Whatever_the_areas_figures_names_and_piece_size_the_cut_as_written_is_the_cut_of_the_whole_body()
    {
        var count = Gen.Long[0, 2_000];
        var withheldOrCount = Gen.Frequency((9, count), (1, Gen.Const(Withheld.Count)));
        var name = Gen.String[Gen.Char['\u0020', '\u024f'], 0, 16];
        var area = Gen.Select(name, withheldOrCount, count, count, count).Select((n, a, b, c, d) => (Name: n, Figures: (a, b, c, d)));
        Gen.Select(area.List[0, 40], Gen.Int[1, 9]).Sample((areas, perPiece) =>
        {
            var small = SummaryDocuments.Small();
            var document = small with
            {
                Areas = [.. areas.Select((a, i) => new AreaComparison(
                    $"E{i:D8}",
                    a.Name,
                    SummaryDocuments.Metrics(
                        Withheld.Is(a.Figures.a) ? new CountMetric(Withheld.Count, Withheld.Count, Withheld.Count, Withheld.Percentage) : CountMetric.Compute(a.Figures.a, a.Figures.b),
                        CountMetric.Compute(a.Figures.b, a.Figures.c),
                        CountMetric.Compute(a.Figures.c, a.Figures.d),
                        RateMetric.Compute(a.Figures.c, a.Figures.b, a.Figures.d, a.Figures.c))))],
            };

            AssertSameAsCutAfter(document, perPiece, SummaryJson.Cut(document, perPiece));
        });
    }

    private static void AssertSameAsCutAfter(SummaryDocument document, int perPiece, Ports.PiecedDocument cut)
    {
        var expected = JsonPieces.Cut(SummaryJson.ToUtf8Bytes(document), "areas", "code", perPiece);
        Assert.Equal(expected.Head, cut.Head);
        Assert.Equal(expected.Pieces.Select(p => p.Key), cut.Pieces.Select(p => p.Key));
        Assert.Equal(expected.Pieces.Select(p => Convert.ToHexString(p.Content)), cut.Pieces.Select(p => Convert.ToHexString(p.Content)));
        Assert.Equal(expected.Tail, cut.Tail);
    }
}
