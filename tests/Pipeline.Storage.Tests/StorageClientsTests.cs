using Microsoft.Extensions.Configuration;

namespace Pipeline.Storage.Tests;

/// <summary>In Azure there is no connection string: the clients are built from identity-based settings alone.</summary>
public sealed class StorageClientsTests
{
    [Fact]
    public void Identity_based_settings_name_the_account_and_no_key()
    {
        var configuration = Settings(new()
        {
            ["AzureWebJobsStorage:accountName"] = "stpipelineprod",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var blobs = StorageClients.CreateBlobServiceClient(configuration);
        var tables = StorageClients.CreateTableServiceClient(configuration);

        Assert.Equal(new Uri("https://stpipelineprod.blob.core.windows.net/"), blobs.Uri);
        Assert.Equal("stpipelineprod", tables.AccountName);
        Assert.False(blobs.CanGenerateAccountSasUri); // No shared key anywhere.
    }

    [Fact]
    public void Explicit_service_uris_win_over_the_account_name()
    {
        var configuration = Settings(new()
        {
            ["AzureWebJobsStorage:accountName"] = "ignored",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://stpipelineprod.blob.core.windows.net/",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://stpipelineprod.table.core.windows.net/",
        });

        Assert.Equal(new Uri("https://stpipelineprod.blob.core.windows.net/"), StorageClients.CreateBlobServiceClient(configuration).Uri);
        Assert.Equal("stpipelineprod", StorageClients.CreateTableServiceClient(configuration).AccountName);
    }

    [Fact]
    public void A_connection_string_is_used_as_it_is()
    {
        var configuration = Settings(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal("devstoreaccount1", StorageClients.CreateBlobServiceClient(configuration).AccountName);
        Assert.Equal("devstoreaccount1", StorageClients.CreateTableServiceClient(configuration).AccountName);
    }

    [Fact]
    public void No_storage_setting_at_all_says_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageClients.CreateBlobServiceClient(Settings([])));
        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
