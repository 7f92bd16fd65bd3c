using System.Text;
using System.Text.Json;
using CsCheck;

namespace Pipeline.Core.Tests;

/// <summary>
/// A large document is kept in pieces that are exact slices of its bytes: the cuts fall where the contract's readers
/// want them, the pieces joined are the document byte for byte, and one element goes back into a document of its own.
/// </summary>
public class JsonPiecesTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly JsonSerializerOptions Compact = new();

    // Written by hand, as the summary's writer lays out a document: two spaces, "\n".
    private const string Document = "{\n  \"dataset\": \"d\",\n  \"areas\": [\n    {\n      \"code\": \"E1\",\n      \"n\": 1\n    },\n" +
        "    {\n      \"code\": \"E2\",\n      \"n\": 2\n    },\n    {\n      \"code\": \"E3\",\n      \"n\": [3, {\"code\": \"x\"}]\n    }\n  ],\n" +
        "  \"sources\": []\n}\n";

    [Fact]
    public void The_head_runs_to_the_arrays_bracket_each_piece_carries_its_separator_and_the_tail_is_the_rest()
    {
        var cut = JsonPieces.Cut(Encoding.UTF8.GetBytes(Document), "areas", "code", 2);

        Assert.Equal("{\n  \"dataset\": \"d\",\n  \"areas\": [", Encoding.UTF8.GetString(cut.Head));
        Assert.Equal(["E1", "E3"], cut.Pieces.Select(p => p.Key));
        Assert.Equal(
            "\n    {\n      \"code\": \"E1\",\n      \"n\": 1\n    },\n    {\n      \"code\": \"E2\",\n      \"n\": 2\n    }",
            Encoding.UTF8.GetString(cut.Pieces[0].Content));
        Assert.Equal(",\n    {\n      \"code\": \"E3\",\n      \"n\": [3, {\"code\": \"x\"}]\n    }", Encoding.UTF8.GetString(cut.Pieces[1].Content));
        Assert.Equal("\n  ],\n  \"sources\": []\n}\n", Encoding.UTF8.GetString(cut.Tail));
        Assert.Equal(Document.Length, cut.Length);
    }

    [Fact]
    public void A_pieces_elements_come_back_without_their_separators_and_one_makes_a_document_with_the_head_and_tail()
    {
        var cut = JsonPieces.Cut(Encoding.UTF8.GetBytes(Document), "areas", "code", 2);

        var second = JsonPieces.Elements(cut.Pieces[1].Content);
        Assert.Equal(["{\n      \"code\": \"E3\",\n      \"n\": [3, {\"code\": \"x\"}]\n    }"], second.Select(e => Encoding.UTF8.GetString(e.Span)));
        Assert.Equal(["E1", "E2"], JsonPieces.Elements(cut.Pieces[0].Content).Select(e => JsonPieces.KeyOrNull(e.Span, "code")));

        var one = JsonPieces.Join(cut.Head, second[0].Span, cut.Tail);
        using var parsed = JsonDocument.Parse(one);
        Assert.Equal("E3", parsed.RootElement.GetProperty("areas").EnumerateArray().Single().GetProperty("code").GetString());
        using var none = JsonDocument.Parse(JsonPieces.Join(cut.Head, [], cut.Tail));
        Assert.Equal(0, none.RootElement.GetProperty("areas").GetArrayLength());
    }

    [Fact]
    public void An_empty_array_has_no_pieces_and_a_document_without_the_array_or_a_key_is_refused()
    {
        var empty = JsonPieces.Cut("{\"areas\": [], \"x\": 1}"u8.ToArray(), "areas", "code", 5);
        Assert.Empty(empty.Pieces);
        Assert.Equal("{\"areas\": [", Encoding.UTF8.GetString(empty.Head));
        Assert.Equal("], \"x\": 1}", Encoding.UTF8.GetString(empty.Tail));

        Assert.Equal("The document has no 'areas'.", Assert.Throws<JsonException>(() => JsonPieces.Cut("{\"area\": []}"u8.ToArray(), "areas", "code", 5)).Message);
        Assert.StartsWith("An element has no string 'code'", Assert.Throws<JsonException>(() => JsonPieces.Cut("{\"areas\": [{\"code\": 1}]}"u8.ToArray(), "areas", "code", 5)).Message);
    }

    [Fact]
    public void Whatever_the_elements_and_the_piece_size_the_pieces_joined_are_the_document_and_give_back_every_element()
    {
        var names = Gen.String[Gen.Char.AlphaNumeric, 1, 12];
        Gen.Select(names.List[0, 40], Gen.Int[1, 9], Gen.Bool).Sample((codes, perPiece, indented) =>
        {
            var elements = codes.Select((c, i) => new { code = c, name = $"<{c}> & \"é\"", n = i }).ToList();
            var json = JsonSerializer.SerializeToUtf8Bytes(new { before = 1, areas = elements, after = "x" }, indented ? Indented : Compact);
            var cut = JsonPieces.Cut(json, "areas", "code", perPiece);

            byte[] joined = [.. cut.Head, .. cut.Pieces.SelectMany(p => p.Content), .. cut.Tail];
            Assert.Equal(json, joined);
            Assert.Equal((codes.Count + perPiece - 1) / perPiece, cut.Pieces.Count);
            Assert.Equal(codes.Where((_, i) => i % perPiece == 0), cut.Pieces.Select(p => p.Key));
            Assert.Equal(codes, cut.Pieces.SelectMany(p => JsonPieces.Elements(p.Content)).Select(e => JsonPieces.KeyOrNull(e.Span, "code")));
        });
    }
}
