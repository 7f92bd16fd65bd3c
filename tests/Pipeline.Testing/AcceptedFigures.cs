using Pipeline.Core.Calendar;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Testing;

/// <summary>Reads accepted figures whole, index record and figures, for tests that check them.</summary>
public static class AcceptedFigures
{
    /// <summary>The quarter's current figures; null when none are accepted.</summary>
    public static async Task<AcceptedQuarter?> ReadFiguresAsync(this IAcceptedQuarterStore store, string dataset, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(store);
        var version = await store.GetAsync(dataset, quarter);
        return version is null ? null : await store.ReadAsync(version.Quarter);
    }

    /// <summary>Every accepted quarter's figures, in the order of <see cref="IAcceptedQuarterStore.ListAsync"/>.</summary>
    public static async Task<List<AcceptedQuarter>> ListFiguresAsync(this IAcceptedQuarterStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var figures = new List<AcceptedQuarter>();
        foreach (var record in await store.ListAsync())
        {
            figures.Add(await store.ReadAsync(record));
        }

        return figures;
    }
}
