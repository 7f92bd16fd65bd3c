using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Storage;

/// <summary>
/// Builds the storage clients from the same setting the Functions host uses, <c>AzureWebJobsStorage</c>: either a
/// connection string (Azurite, <c>UseDevelopmentStorage=true</c>) or, in Azure, identity-based settings with no secret:
/// <c>AzureWebJobsStorage__accountName</c> or <c>__blobServiceUri</c>/<c>__tableServiceUri</c>, plus
/// <c>__credential=managedidentity</c> and <c>__clientId</c> for a user-assigned identity.
/// </summary>
public static class StorageClients
{
    public const string SettingName = "AzureWebJobsStorage";

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SettingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new BlobServiceClient(section.Value, options);
        }

        return new BlobServiceClient(ServiceUri(section, "blob"), Credential(section), options);
    }

    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SettingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new TableServiceClient(section.Value, options);
        }

        return new TableServiceClient(ServiceUri(section, "table"), Credential(section), options);
    }

    private static Uri ServiceUri(IConfigurationSection section, string service)
    {
        if (section[service + "ServiceUri"] is { Length: > 0 } uri)
        {
            return new Uri(uri);
        }

        if (section["accountName"] is { Length: > 0 } account)
        {
            return new Uri($"https://{account}.{service}.core.windows.net");
        }

        throw new InvalidOperationException(
            $"Storage is not configured: set {SettingName} to a connection string, or {SettingName}__accountName " +
            $"(or {SettingName}__{service}ServiceUri) for an identity-based connection.");
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
