using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Calendar;
using Pipeline.Core.Comparisons;
using Pipeline.Core.Ports;

namespace Pipeline.Storage.Tests;

/// <summary>What an operator finds in the logs when storage answers in a way that is harmless once and worrying often.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageLogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_summary_whose_blob_is_gone_logs_the_document_and_its_index_entity_when_the_index_is_read_again()
    {
        using var app = PipelineHarness.Create(azurite);
        var logger = new RecordingLogger<TableComparisonStore>();
        var store = new TableComparisonStore(app.Tables, app.Blobs, app.Get<IOptions<StorageOptions>>(), app.Clock, logger);
        Assert.True(Period.TryParse(YearBasis.Calendar, "2024", out var period));
        var large = Encoding.UTF8.GetBytes("{\"areas\":[{\"code\":\"E1\",\"name\":\"" + new string('x', TableComparisonStore.InlineBytes) + "\"}]}");
        await store.WriteAsync("serious-youth-violence", [new StoredComparison(YearBasis.Calendar, period, ComparisonStatus.Complete, () => large, IsDefault: true)], "by-hand");
        var document = Assert.Single(await app.ListAsync(app.Documents), n => n.StartsWith("summaries/", StringComparison.Ordinal));
        await app.Documents.DeleteBlobAsync(document);

        var missing = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync("serious-youth-violence", YearBasis.Calendar, period));

        Assert.Equal($"The document {document} that calendar/2024 points to is missing.", missing.Message);
        var logged = Assert.Single(logger.Events);
        Assert.Equal((4001, "DocumentMissingIndexReadAgain", LogLevel.Warning), (logged.Id.Id, logged.Id.Name, logged.Level));
        Assert.Equal(document, logged.Values["Document"]);
        Assert.Equal("calendar", logged.Values["Partition"]);
        Assert.Equal("2024", logged.Values["RowKey"]);
    }
}
