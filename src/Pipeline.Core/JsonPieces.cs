using System.Text;
using System.Text.Json;
using Pipeline.Core.Ports;

namespace Pipeline.Core;

/// <summary>
/// Cuts a large JSON document into the pieces its readers read (a summary's runs of areas, a series' quarters), as
/// exact slices of its bytes, so that the pieces joined are the document byte for byte, and puts one element back into
/// a document of its own.
/// </summary>
public static class JsonPieces
{
    /// <summary>
    /// Cuts the array <paramref name="arrayProperty"/> of the top-level object <paramref name="json"/> into pieces of at
    /// most <paramref name="perPiece"/> elements. The head runs to the array's <c>[</c>; each piece from the end of the
    /// element before it (its separator included) to the end of its last element; the tail is the rest. Each piece's key
    /// is the string property <paramref name="keyProperty"/> of its first element.
    /// </summary>
    /// <exception cref="JsonException">The document has no such array, or an element has no such key.</exception>
    public static PiecedDocument Cut(byte[] json, string arrayProperty, string keyProperty, int perPiece)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPiece, 1);
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The document is not an object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals(arrayProperty))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"'{arrayProperty}' is not an array.");
            }

            var head = (int)reader.BytesConsumed;
            var pieces = new List<DocumentPiece>();
            var start = head;
            var end = head;
            string? key = null;
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var elementStart = (int)reader.TokenStartIndex;
                reader.Skip();
                var elementEnd = (int)reader.BytesConsumed;
                key ??= KeyOf(json.AsSpan(elementStart, elementEnd - elementStart), keyProperty);
                end = elementEnd;
                if (++count == perPiece)
                {
                    pieces.Add(new DocumentPiece(key, json[start..end]));
                    (start, key, count) = (end, null, 0);
                }
            }

            if (count > 0)
            {
                pieces.Add(new DocumentPiece(key!, json[start..end]));
            }

            return new PiecedDocument(json[..head], pieces, json[end..]);
        }

        throw new JsonException($"The document has no '{arrayProperty}'.");
    }

    /// <summary>The elements of a piece, as exact slices of it (their separators left out).</summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Elements(ReadOnlyMemory<byte> piece)
    {
        // A piece is elements with separators between and before them: read as the inside of an array.
        var text = new byte[piece.Length + 2];
        text[0] = (byte)'[';
        piece.Span.CopyTo(text.AsSpan(1));
        text[^1] = (byte)']';
        var first = FirstNonSpace(piece.Span);
        if (first >= 0 && piece.Span[first] == (byte)',')
        {
            text[first + 1] = (byte)' '; // The separator before a piece that is not the first.
        }

        var reader = new Utf8JsonReader(text);
        reader.Read();
        var elements = new List<ReadOnlyMemory<byte>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            elements.Add(piece[(start - 1)..((int)reader.BytesConsumed - 1)]);
        }

        return elements;
    }

    /// <summary>The string property <paramref name="keyProperty"/> of a JSON object; null if it has none.</summary>
    public static string? KeyOrNull(ReadOnlySpan<byte> element, string keyProperty)
    {
        var reader = new Utf8JsonReader(element);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(keyProperty);
            reader.Read();
            if (match && reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>A document of <paramref name="head"/>, the one <paramref name="element"/> and <paramref name="tail"/>.</summary>
    public static byte[] Join(ReadOnlySpan<byte> head, ReadOnlySpan<byte> element, ReadOnlySpan<byte> tail)
    {
        var joined = new byte[head.Length + element.Length + tail.Length];
        head.CopyTo(joined);
        element.CopyTo(joined.AsSpan(head.Length));
        tail.CopyTo(joined.AsSpan(head.Length + element.Length));
        return joined;
    }

    private static string KeyOf(ReadOnlySpan<byte> element, string keyProperty) =>
        KeyOrNull(element, keyProperty) ?? throw new JsonException($"An element has no string '{keyProperty}': {Encoding.UTF8.GetString(element[..Math.Min(element.Length, 80)])}");

    private static int FirstNonSpace(ReadOnlySpan<byte> text) =>
        text.IndexOfAnyExcept(" \n\r\t"u8);
}
