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
            Interlocked.Exchange(ref _rows, figures.Areas.Count);
        }

        _figures[name] = figures;
    }

    /// <summary>The one copy of <paramref name="text"/> this cache keeps (area codes and names repeat every quarter).</summary>
    public string Share(string text) => _strings.Count < MaxAreaRows ? _strings.GetOrAdd(text, text) : text;
}
