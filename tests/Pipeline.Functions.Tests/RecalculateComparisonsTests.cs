using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;

namespace Pipeline.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RecalculateComparisonsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_timer_function_writes_the_same_comparisons_as_the_service_the_cli_uses()
    {
        using var viaTimer = PipelineHarness.Create(azurite);
        using var viaService = PipelineHarness.Create(azurite);
        await viaTimer.IngestSamplesAsync();
        await viaService.IngestSamplesAsync();

        var function = ActivatorUtilities.CreateInstance<RecalculateComparisons>(viaTimer.Services);
        await function.RunAsync(new TimerInfo(), CancellationToken.None);
        await viaService.Get<RecalculationService>().RecalculateAsync(force: true);

        foreach (var basis in YearBasisNames.All)
        {
            var fromTimer = await viaTimer.Get<IComparisonStore>().GetAsync("serious-youth-violence", basis, null);
            var fromService = await viaService.Get<IComparisonStore>().GetAsync("serious-youth-violence", basis, null);
            Assert.NotNull(fromTimer);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(fromService!.Json), System.Text.Encoding.UTF8.GetString(fromTimer.Json));
        }
    }
}
