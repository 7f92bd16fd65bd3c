using System.Buffers;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Validation;

/// <summary>
/// The rows of a return that is still valid, kept as plain numbers while the file is read: the counts in one flat array
/// by the area's position in the configuration, and the area's name only where it differs from the configured one. A
/// national return keeps hundreds of thousands of rows; kept as an <see cref="AreaFigures"/> each, with an array of
/// counts each, every collection while reading would have to trace them all. They become figures once, when the file is
/// known valid, and then every configured area has exactly one row. The array comes from the shared pool: for a
/// national configuration it is large, and a large array allocated per file would soon cost a full collection.
/// </summary>
internal sealed class KeptRows(IReadOnlyList<Area> areas, int fields) : IDisposable
{
    private long[]? counts;
    private Dictionary<int, string>? otherNames;

    public int Count { get; private set; }

    /// <param name="area">The position of the row's area in the configured areas; each is added at most once.</param>
    /// <param name="name">The row's area name: the configured string itself when it is the same text.</param>
    /// <param name="rowCounts">The row's counts, every one of them present.</param>
    public void Add(int area, string name, ReadOnlySpan<long?> rowCounts)
    {
        counts ??= ArrayPool<long>.Shared.Rent(areas.Count * fields);
        if (!ReferenceEquals(name, areas[area].Name))
        {
            (otherNames ??= [])[area] = name;
        }

        var at = area * fields;
        for (var i = 0; i < fields; i++)
        {
            counts[at + i] = rowCounts[i]!.Value;
        }

        Count++;
    }

    /// <summary>The figures of every configured area, in the configured order.</summary>
    public AreaFigures[] ToFigures()
    {
        if (Count != areas.Count || counts is null)
        {
            throw new UnreachableException($"A valid return has one row per configured area: {Count} rows kept for {areas.Count} areas.");
        }

        var figures = new AreaFigures[areas.Count];
        for (var area = 0; area < figures.Length; area++)
        {
            var areaCounts = counts.AsSpan(area * fields, fields).ToArray();
            var name = otherNames is not null && otherNames.TryGetValue(area, out var other) ? other : areas[area].Name;
            figures[area] = new AreaFigures(areas[area].Code, name, ImmutableCollectionsMarshal.AsImmutableArray(areaCounts));
        }

        return figures;
    }

    public void Dispose()
    {
        if (counts is not null)
        {
            ArrayPool<long>.Shared.Return(counts);
            counts = null;
        }

        otherNames = null;
        Count = 0;
    }
}
