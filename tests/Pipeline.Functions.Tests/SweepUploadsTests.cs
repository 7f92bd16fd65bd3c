using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Functions.Tests;

/// <summary>The sweep: no upload is left behind when its event never came.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweepUploadsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_upload_whose_event_never_came_is_processed_by_the_sweep_once_it_has_waited_five_minutes()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.UploadAsync("lost/2024-Q3.csv", ReturnFiles.Valid("2024-Q3")); // no event: nothing processed it
        var created = (await app.Uploads.GetBlobClient("lost/2024-Q3.csv").GetPropertiesAsync()).Value.CreatedOn;
        var sweep = ActivatorUtilities.CreateInstance<SweepUploads>(app.Services);

        app.Clock.SetUtcNow(created.AddMinutes(4));
        await sweep.RunAsync(new TimerInfo(), CancellationToken.None);
        Assert.Equal(["lost/2024-Q3.csv"], await app.ListAsync(app.Uploads)); // younger than five minutes: left to its event

        app.Clock.SetUtcNow(created.AddMinutes(6));
        await sweep.RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Empty(await app.ListAsync(app.Uploads));
        var entry = Assert.Single(await app.Get<IUploadLedger>().ListAsync());
        Assert.Equal(("lost/2024-Q3.csv", UploadStatus.Accepted), (entry.File, entry.Status));
        Assert.Equal(["lost/2024-Q3.csv"], await app.ListAsync(app.Accepted));
    }

    [Fact]
    public async Task A_sweep_with_nothing_waiting_costs_one_list_request()
    {
        var counter = new RequestCounter();
        using var app = PipelineHarness.Create(azurite, counter);
        await app.Uploads.CreateIfNotExistsAsync();
        counter.Reset();

        await ActivatorUtilities.CreateInstance<SweepUploads>(app.Services).RunAsync(new TimerInfo(), CancellationToken.None);

        var request = Assert.Single(counter.Requests);
        Assert.Equal("GET devstoreaccount1/" + app.Uploads.Name, request);
    }
}
