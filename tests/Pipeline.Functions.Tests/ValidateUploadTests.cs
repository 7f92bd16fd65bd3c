using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ValidateUploadTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_blob_function_accepts_a_valid_upload_like_the_processor()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.UploadAsync("returns/2024-Q2.csv", ReturnFiles.Valid("2024-Q2"));
        var function = ActivatorUtilities.CreateInstance<ValidateUpload>(app.Services);

        await function.RunAsync(app.Uploads.GetBlobClient("returns/2024-Q2.csv"), CancellationToken.None);

        Assert.Empty(await app.ListAsync(app.Uploads));
        Assert.Equal(["returns/2024-Q2.csv"], await app.ListAsync(app.Accepted));
        var entry = Assert.Single(await app.Get<IUploadLedger>().ListAsync());
        Assert.Equal((UploadStatus.Accepted, "2024-Q2"), (entry.Status, entry.Quarter));
    }

    [Fact]
    public async Task The_blob_function_sets_aside_a_bad_upload_with_its_report()
    {
        using var app = PipelineHarness.Create(azurite);
        await app.UploadAsync("2024-Q2.csv", ReturnFiles.KnifeExceedsOffences("2024-Q2"));
        var function = ActivatorUtilities.CreateInstance<ValidateUpload>(app.Services);

        await function.RunAsync(app.Uploads.GetBlobClient("2024-Q2.csv"), CancellationToken.None);

        Assert.Equal(["2024-Q2.csv", "2024-Q2.csv.report.json"], (await app.ListAsync(app.Rejected)).Order(StringComparer.Ordinal));
        Assert.Empty(await app.ListAsync(app.Accepted));
        Assert.Null(await app.Get<IAcceptedQuarterStore>().GetAsync("serious-youth-violence", Core.Calendar.Quarter.Parse("2024-Q2")));
    }
}
