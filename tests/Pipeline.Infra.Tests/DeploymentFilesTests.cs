using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class DeploymentFilesTests(CompiledTemplateFixture compiled)
{
    [Fact]
    public void Parameters_file_feeds_azd_environment_name_and_location_to_parameters_the_template_declares()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Repository.Infra("main.parameters.json")))!["parameters"]!.AsObject();

        Assert.Equal("${AZURE_ENV_NAME}", (string)parameters["environmentName"]!["value"]!);
        Assert.Equal("${AZURE_LOCATION}", (string)parameters["location"]!["value"]!);
        Assert.All(parameters, parameter => Assert.True(
            compiled.Template.Parameters.ContainsKey(parameter.Key),
            $"main.parameters.json sets {parameter.Key}, which main.bicep does not declare."));
    }

    [Fact]
    public void Parameters_file_feeds_azd_the_sign_in_switch_and_app_registration()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Repository.Infra("main.parameters.json")))!["parameters"]!;

        Assert.Equal("${ENABLE_ENTRA_AUTHENTICATION=false}", (string)parameters["enableEntraAuthentication"]!["value"]!);
        Assert.Equal("${ENTRA_CLIENT_ID}", (string)parameters["entraClientId"]!["value"]!);
    }

    [Fact]
    public void Postdeploy_hook_then_applies_the_app_roles_to_the_app_registration_sign_in_uses()
    {
        var postdeploy = File.ReadAllText(Repository.Infra("hooks", "postdeploy.sh"));
        var appRoles = File.ReadAllText(Repository.Infra("hooks", "app-roles.sh"));

        Assert.EndsWith("\n\"$(dirname \"$0\")/app-roles.sh\"\n", postdeploy, StringComparison.Ordinal);
        Assert.Contains("set -eu", appRoles, StringComparison.Ordinal);
        Assert.Contains("app_id=\"${ENTRA_SIGN_IN_CLIENT_ID:-}\"", appRoles, StringComparison.Ordinal);
        Assert.Contains("roles_file=\"$(cd \"$(dirname \"$0\")/..\" && pwd)/app-roles.json\"", appRoles, StringComparison.Ordinal);
        Assert.Contains("az ad app update --id \"$app_id\" --app-roles @\"$roles_file\"", appRoles, StringComparison.Ordinal);
        Assert.Contains("callback=\"https://$host_name/.auth/login/aad/callback\"", appRoles, StringComparison.Ordinal);
        Assert.Contains("--enable-id-token-issuance true --web-redirect-uris $redirect_uris \"$callback\"", appRoles, StringComparison.Ordinal);
        Assert.True(compiled.Template.Outputs.ContainsKey("ENTRA_SIGN_IN_CLIENT_ID"), "main.bicep does not output ENTRA_SIGN_IN_CLIENT_ID, which app-roles.sh reads.");
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Repository.Infra("hooks", "app-roles.sh")).HasFlag(UnixFileMode.UserExecute));
        }
    }

    [Fact]
    public void Postdeploy_hook_subscribes_the_trigger_to_BlobCreated_events_under_uploads_only()
    {
        var hook = File.ReadAllText(Repository.Infra("hooks", "postdeploy.sh"));

        Assert.Contains("--included-event-types Microsoft.Storage.BlobCreated", hook, StringComparison.Ordinal);
        Assert.Contains("--subject-begins-with \"/blobServices/default/containers/$uploads_container/\"", hook, StringComparison.Ordinal);
        Assert.Contains("uploads_container=\"${UPLOADS_CONTAINER_NAME:-uploads}\"", hook, StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$key", hook, StringComparison.Ordinal);
        Assert.Contains("function_name=\"${BLOB_TRIGGER_FUNCTION_NAME:-ValidateUpload}\"", hook, StringComparison.Ordinal);
    }

    [Fact]
    public void Postdeploy_hook_is_executable_and_wired_into_azure_yaml()
    {
        var azureYaml = File.ReadAllText(Repository.File("azure.yaml"));

        Assert.Contains("postdeploy:", azureYaml, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/hooks/postdeploy.sh", azureYaml, StringComparison.Ordinal);
        Assert.Contains("project: ./src/Pipeline.Functions", azureYaml, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Repository.Infra("hooks", "postdeploy.sh")).HasFlag(UnixFileMode.UserExecute));
        }
    }

    [Fact]
    public void Postdeploy_hook_retries_delivery_and_dead_letters_with_the_topic_identity()
    {
        var hook = File.ReadAllText(Repository.File("infra", "hooks", "postdeploy.sh"));

        Assert.Contains("--included-event-types Microsoft.Storage.BlobCreated", hook, StringComparison.Ordinal);
        Assert.Contains("--max-delivery-attempts 30", hook, StringComparison.Ordinal);
        Assert.Contains("--deadletter-identity systemassigned", hook, StringComparison.Ordinal);
        Assert.Contains("--deadletter-identity-endpoint \"$DEAD_LETTER_CONTAINER_ID\"", hook, StringComparison.Ordinal);
    }
}
