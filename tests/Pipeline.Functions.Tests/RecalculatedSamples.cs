using Pipeline.Core.Recalculation;

namespace Pipeline.Functions.Tests;

/// <summary>
/// For tests of what the app serves: a fresh app over Azurite with the samples ingested and recalculated, counting
/// its storage requests from then on.
/// </summary>
public abstract class RecalculatedSamples(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    /// <summary>The app's storage requests since the samples were recalculated (or since a test reset it).</summary>
    protected RequestCounter StorageRequests { get; } = new();

    protected PipelineHarness App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = PipelineHarness.Create(Azurite, StorageRequests);
        await App.IngestSamplesAsync();
        await App.Get<RecalculationService>().RecalculateAsync(force: true);
        StorageRequests.Reset();
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
