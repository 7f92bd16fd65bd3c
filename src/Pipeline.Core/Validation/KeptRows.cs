using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Validation;

/// <summary>
/// The rows of a return that is still valid, kept as plain numbers while the file is read: the area's position in the
/// configuration, its counts in one flat array, and its name only when it differs from the configured one. A national
/// return keeps hundreds of thousands of rows; kept as an <see cref="AreaFigures"/> each, with an array of counts each,
/// every collection while reading would have to trace them all. They become figures once, when the file is known valid.
/// The arrays come from the shared pool: for a national configuration they are large, and a large array allocated per
/// file would soon cost a full collection.
/// </summary>
internal sealed class KeptRows(int fields, int capacity) : IDisposable
{
    private const int InitialRows = 64;

    private int[] areaAt = ArrayPool<int>.Shared.Rent(Math.Min(capacity, InitialRows));
    private string?[] names = ArrayPool<string?>.Shared.Rent(Math.Min(capacity, InitialRows));
    private long[] counts = ArrayPool<long>.Shared.Rent(Math.Min(capacity, InitialRows) * fields);

    public int Count { get; private set; }

    /// <param name="area">The position of the row's area in <c>areas</c>.</param>
    /// <param name="name">The row's area name; the configured string when it is the same text.</param>
    /// <param name="configuredName">The configured name of the area.</param>
    /// <param name="rowCounts">The row's counts, every one of them present.</param>
    public void Add(int area, string name, string configuredName, ReadOnlySpan<long?> rowCounts)
    {
        if (Count == areaAt.Length || (Count + 1) * fields > counts.Length)
        {
            // A valid return has at most one row per configured area, so this stops growing at the configuration's size.
            var rows = Math.Max(Count + 1, Math.Min(capacity, Count * 2));
            Grow(ref areaAt, rows, Count);
            Grow(ref names, rows, Count);
            Grow(ref counts, rows * fields, Count * fields);
        }

        areaAt[Count] = area;
        names[Count] = ReferenceEquals(name, configuredName) ? null : name;
        var at = Count * fields;
        for (var i = 0; i < fields; i++)
        {
            counts[at + i] = rowCounts[i]!.Value;
        }

        Count++;
    }

    /// <summary>The kept rows as figures, in the order they were read.</summary>
    public AreaFigures[] ToFigures(IReadOnlyList<Area> areas)
    {
        var figures = new AreaFigures[Count];
        for (var row = 0; row < figures.Length; row++)
        {
            var area = areas[areaAt[row]];
            var rowCounts = counts.AsSpan(row * fields, fields).ToArray();
            figures[row] = new AreaFigures(area.Code, names[row] ?? area.Name, ImmutableCollectionsMarshal.AsImmutableArray(rowCounts));
        }

        return figures;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(areaAt);
        ArrayPool<string?>.Shared.Return(names, clearArray: true);
        ArrayPool<long>.Shared.Return(counts);
        areaAt = [];
        names = [];
        counts = [];
        Count = 0;
    }

    private static void Grow<T>(ref T[] array, int length, int used)
    {
        var larger = ArrayPool<T>.Shared.Rent(length);
        array.AsSpan(0, used).CopyTo(larger);
        ArrayPool<T>.Shared.Return(array, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        array = larger;
    }
}
