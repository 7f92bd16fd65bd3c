namespace Pipeline.Core.Ports;

/// <summary>
/// One piece of a large document, kept in a blob of its own: <see cref="Key"/> is what it starts with (the first area
/// code of a run of areas, a quarter), <see cref="Content"/> its exact bytes.
/// </summary>
public sealed record DocumentPiece(string Key, byte[] Content);

/// <summary>
/// A large JSON document cut where its readers want it cut: <see cref="Head"/>, the <see cref="Pieces"/> in order and
/// <see cref="Tail"/>, joined, are the document's exact bytes (<see cref="JsonPieces.Cut"/>).
/// </summary>
public sealed record PiecedDocument(byte[] Head, IReadOnlyList<DocumentPiece> Pieces, byte[] Tail)
{
    /// <summary>The document's length in bytes.</summary>
    public long Length => Head.Length + Pieces.Sum(p => (long)p.Content.Length) + Tail.Length;
}

/// <summary>A stored piece: its key and the name a store reads it by.</summary>
public sealed record PieceRef(string Key, string Name)
{
    /// <summary>
    /// Where among <paramref name="pieces"/> (in key order, each keyed by its first element) the one that would hold
    /// <paramref name="key"/> is: the last whose key is at or before it; -1 when the key comes before them all.
    /// </summary>
    public static int Holding(IReadOnlyList<PieceRef> pieces, string key)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        for (var i = pieces.Count - 1; i >= 0; i--)
        {
            if (string.CompareOrdinal(pieces[i].Key, key) <= 0)
            {
                return i;
            }
        }

        return -1;
    }
}
