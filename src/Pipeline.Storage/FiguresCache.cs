using System.Collections.Concurrent;
using Pipeline.Core.Returns;

namespace Pipeline.Storage;

/// <summary>
/// The figures this instance has read or written, by blob name. A figures blob never changes, so an entry is never
/// stale; a recalculation after one accepted upload then reads only that upload's figures, not every quarter's. Bounded
/// by <see cref="MaxAreaRows"/> area rows in all (about 100 MB; 80 quarters of a 10,000-area return fit): past it, the
/// entries are dropped and the cache fills again. Area codes and names are shared between quarters.
/// </summary>
internal sealed class FiguresCache
{
    public const int MaxAreaRows = 1_000_000;

    private readonly ConcurrentDictionary<string, AcceptedQuarter> _figures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private int _rows;
    private int _shared;

    public bool TryGet(string name, out AcceptedQuarter figures) => _figures.TryGetValue(name, out figures!);

    public void Add(string name, AcceptedQuarter figures)
    {
        if (figures.Areas.Count > MaxAreaRows)
        {
            return;
        }

        if (Interlocked.Add(ref _rows, figures.Areas.Count) > MaxAreaRows)
        {
            _figures.Clear();
            _strings.Clear();
            Interlocked.Exchange(ref _shared, 0);
            Interlocked.Exchange(ref _rows, figures.Areas.Count);
        }

        _figures[name] = figures;
    }

    /// <summary>
    /// The one copy of <paramref name="text"/> this cache keeps (area codes and names repeat every quarter), up to
    /// <see cref="MaxAreaRows"/> strings. Counted here, not by the dictionary's <c>Count</c>, which takes every one of its
    /// locks: called for each code and name of a national quarter read by eight readers at once, that lock convoy was
    /// about half the CPU time of a first national recalculation (docs/performance.md).
    /// </summary>
    public string Share(string text)
    {
        if (_strings.TryGetValue(text, out var shared))
        {
            return shared;
        }

        if (Volatile.Read(ref _shared) >= MaxAreaRows)
        {
            return text;
        }

        if (_strings.TryAdd(text, text))
        {
            Interlocked.Increment(ref _shared);
            return text;
        }

        return _strings.TryGetValue(text, out shared) ? shared : text;
    }
}
