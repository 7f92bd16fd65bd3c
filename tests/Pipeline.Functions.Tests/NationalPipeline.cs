namespace Pipeline.Functions.Tests;

/// <summary>
/// One deployment of the 600-area national dataset (<see cref="NationalDataset"/>: eight quarters accepted and
/// recalculated), made once for every test class that reads it (the series in pieces, its workbook, the paged dashboard)
/// rather than once each: each class opens its own <see cref="PipelineHarness"/> over these settings with its own request
/// counter. A test that changes what is stored puts it back before it ends.
/// </summary>
internal static class NationalPipeline
{
    public static readonly NationalDataset National = new(600);

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IReadOnlyDictionary<string, string?>? _settings;

    /// <summary>The settings of the deployment, made on the first call.</summary>
    public static async Task<IReadOnlyDictionary<string, string?>> SettingsAsync(AzuriteFixture azurite)
    {
        await Gate.WaitAsync();
        try
        {
            if (_settings is null)
            {
                var settings = PipelineHarness.NewSettings(azurite, new Dictionary<string, string?> { ["Pipeline:Datasets:Path"] = National.WriteDefinition() });
                using var app = PipelineHarness.Over(azurite, settings);
                await National.AcceptTwoYearsAsync(app);
                _settings = settings;
            }

            return _settings;
        }
        finally
        {
            Gate.Release();
        }
    }
}
