using Pipeline.Core.Ingestion;

namespace Pipeline.Storage.Tests;

/// <summary>
/// A run over the uploads waiting (the sweep's, here) goes on past an upload that fails, and stops when storage itself
/// goes away. The test starts its own Azurite, outside the shared collection, because it kills it. It takes about 25 s:
/// the clients keep the SDK's retries, as the function app's do (five, from 0.8 s doubling), for the one upload tried.
/// </summary>
public sealed class SweepOutageTests
{
    [Fact]
    public async Task The_sweep_goes_on_past_one_bad_upload_and_stops_when_storage_goes_away()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var settings = PipelineHarness.NewSettings(azurite);
            var uploads = settings["UploadsContainer"]!;
            var outage = new OutageInjector(OutageInjector.ReadingBlobIn(uploads), on: 6, azurite.Stop);
            using var app = PipelineHarness.Over(azurite, settings, outage);
            var names = Enumerable.Range(0, 30).Select(i => $"u{i:000}.csv").ToArray();
            await app.Uploads.CreateAsync();
            foreach (var name in names)
            {
                await app.Uploads.GetBlobClient(name).UploadAsync(new BinaryData(ReturnFiles.KnifeExceedsOffences("2024-Q3")));
            }

            // Listed first, and refused before any request: an upload's own failure, so the run goes on.
            await azurite.RawBlob(uploads, "..%2Fback.csv").UploadAsync(new BinaryData(ReturnFiles.Valid("2024-Q2")));
            app.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(10)); // all have waited past the sweep's five minutes

            var run = await app.Get<UploadProcessor>().RecoverAsync(TimeSpan.FromMinutes(5));

            Assert.Equal(names[..5], run.Outcomes.Select(o => o.File));
            Assert.Equal(["../back.csv"], run.Failures.Select(f => f.File));
            Assert.Equal(new StorageOutage("u005.csv", $"Connection refused (127.0.0.1:{azurite.BlobPort})", 25, ListingCut: false), run.Outage);
            Assert.Equal([$"GET devstoreaccount1/{uploads}/u005.csv"], outage.RequestsAfter);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
