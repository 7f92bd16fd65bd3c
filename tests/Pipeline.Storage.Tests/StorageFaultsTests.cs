using System.Net;
using System.Net.Sockets;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Pipeline.Storage.Tests;

/// <summary>
/// What the SDK throws when storage gives no answer (refused, silent) is told apart from an answer about one blob or
/// entity (404, 409), with real clients: the first stops a run over many uploads, the second does not.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultsTests(AzuriteFixture azurite)
{
    private readonly StorageFaults faults = new();

    [Theory]
    [InlineData(0)] // one RequestFailedException with status 0 around the HttpRequestException
    [InlineData(1)] // the retry policy's AggregateException of those
    public async Task A_refused_connection_is_storage_unreachable(int retries)
    {
        var closed = Endpoint(ClosedPort());

        var blob = await Assert.ThrowsAnyAsync<Exception>(() => Blobs(closed, retries).GetBlobContainerClient("uploads").ExistsAsync());
        var table = await Assert.ThrowsAnyAsync<Exception>(() => Tables(closed, retries).GetTableClient("ledger").GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.True(faults.IsUnreachable(blob), blob.ToString());
        Assert.True(faults.IsUnreachable(table), table.ToString());
        Assert.IsType(retries == 0 ? typeof(RequestFailedException) : typeof(AggregateException), blob);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task An_endpoint_that_never_answers_is_storage_unreachable(int retries)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(); // accepts connections (the backlog) and never answers
        var silent = Endpoint(((IPEndPoint)listener.LocalEndpoint).Port);

        var blob = await Assert.ThrowsAnyAsync<Exception>(() => Blobs(silent, retries).GetBlobContainerClient("uploads").ExistsAsync());

        Assert.True(faults.IsUnreachable(blob), blob.ToString());
    }

    [Fact]
    public async Task An_answer_about_one_blob_or_entity_is_not()
    {
        var container = azurite.CreateBlobServiceClient().GetBlobContainerClient(AzuriteFixture.UniqueName("faults"));
        await container.CreateAsync();

        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("missing.csv").DownloadContentAsync());
        var exists = await Assert.ThrowsAsync<RequestFailedException>(() => container.CreateAsync());
        var table = azurite.CreateTableServiceClient().GetTableClient(AzuriteFixture.UniqueName("faults"));
        await table.CreateAsync();
        var entity = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "r"));

        Assert.Equal((404, 409, 404), (missing.Status, exists.Status, entity.Status));
        Assert.False(faults.IsUnreachable(missing));
        Assert.False(faults.IsUnreachable(exists));
        Assert.False(faults.IsUnreachable(entity));
        Assert.False(faults.IsUnreachable(new AggregateException(missing, missing)));
        Assert.False(faults.IsUnreachable(new InvalidOperationException("a bug, not storage")));
    }

    /// <summary>Azurite's account and key at another port.</summary>
    private string Endpoint(int port) =>
        azurite.ConnectionString
            .Replace($":{azurite.BlobPort}/", $":{port}/", StringComparison.Ordinal)
            .Replace($":{azurite.TablePort}/", $":{port}/", StringComparison.Ordinal);

    private static BlobServiceClient Blobs(string connection, int retries)
    {
        var options = new BlobClientOptions();
        Quick(options.Retry, retries);
        return new BlobServiceClient(connection, options);
    }

    private static TableServiceClient Tables(string connection, int retries)
    {
        var options = new TableClientOptions();
        Quick(options.Retry, retries);
        return new TableServiceClient(connection, options);
    }

    private static void Quick(Azure.Core.RetryOptions retry, int retries)
    {
        retry.MaxRetries = retries;
        retry.Delay = TimeSpan.FromMilliseconds(10);
        retry.NetworkTimeout = TimeSpan.FromMilliseconds(500);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: nothing listens there
    }
}
