namespace Pipeline.Storage.Tests;

/// <summary>
/// The figures cache shares one copy of each area code and name between quarters, and stops sharing at its bound. It
/// counts what it shares itself (the dictionary's own count takes every lock, and made readers queue behind each other).
/// </summary>
public sealed class FiguresCacheTests
{
    [Fact]
    public void Equal_texts_read_by_eight_readers_at_once_come_back_as_one_copy()
    {
        var cache = new FiguresCache();
        var texts = Enumerable.Range(0, 2_000).Select(i => $"E99{i:D6}").ToArray();
        var seen = new string[8][];
        Parallel.For(0, 8, reader => seen[reader] = [.. texts.Select(t => cache.Share(new string(t.AsSpan())))]);

        for (var i = 0; i < texts.Length; i++)
        {
            var first = seen[0][i];
            Assert.Equal(texts[i], first);
            Assert.All(seen, copies => Assert.Same(first, copies[i]));
        }
    }

    [Fact]
    public void Past_its_bound_a_text_is_given_back_as_it_is_and_the_ones_shared_before_stay_shared()
    {
        var cache = new FiguresCache();
        var kept = cache.Share(new string("E99000000".AsSpan()));
        for (var i = 1; i < FiguresCache.MaxAreaRows; i++)
        {
            cache.Share(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var past = new string("past the bound".AsSpan());
        Assert.Same(past, cache.Share(past));
        Assert.NotSame(past, cache.Share(new string("past the bound".AsSpan()))); // Not kept, so not shared.
        Assert.Same(kept, cache.Share(new string("E99000000".AsSpan())));
    }
}
