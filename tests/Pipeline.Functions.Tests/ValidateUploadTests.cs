using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Ingestion;
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
        Assert.Equal((UploadStatus.Accepted, "2024-Q2", "storage"), (entry.Status, entry.Quarter, entry.SentBy));
    }

    [Fact]
    public async Task The_blob_function_records_the_sender_of_an_upload_the_app_created_when_it_gets_there_first()
    {
        using var app = PipelineHarness.Create(azurite);
        using (var content = new MemoryStream(ReturnFiles.Valid("2024-Q2")))
        {
            // As PUT /api/uploads and the partner page store a file (here for the operator), before their own run.
            Assert.NotNull(await app.Get<UploadProcessor>().TryCreateAsync("returns/2024-Q2.csv", content, "operator"));
        }

        var function = ActivatorUtilities.CreateInstance<ValidateUpload>(app.Services);

        await function.RunAsync(app.Uploads.GetBlobClient("returns/2024-Q2.csv"), CancellationToken.None);

        var entry = Assert.Single(await app.Get<IUploadLedger>().ListAsync());
        Assert.Equal((UploadStatus.Accepted, "operator"), (entry.Status, entry.SentBy));
        Assert.Equal("operator", (await app.Get<IAcceptedQuarterStore>().GetAsync("serious-youth-violence", Core.Calendar.Quarter.Parse("2024-Q2")))!.Quarter.SentBy);
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
