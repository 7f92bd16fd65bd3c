namespace Pipeline.Infra.Tests;

/// <summary>
/// Entra ID sign-in (App Service Authentication) is a deployment option, off unless asked for; when on, it signs people
/// in without standing in front of the public pages and figures (docs/contract.md section 10).
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class AuthenticationTests(CompiledTemplateFixture compiled)
{
    private const string ClientId = "3f1c2b4a-5d6e-4f70-8192-a3b4c5d6e7f8";

    [Fact]
    public void Entra_sign_in_is_off_by_default()
    {
        Assert.False((bool)compiled.Template.Parameters["enableEntraAuthentication"]!["defaultValue"]!);
        Assert.Empty(compiled.Deployed.Resources("Microsoft.Web/sites/config"));
        Assert.Equal("", (string)compiled.Deployed.Outputs["ENTRA_SIGN_IN_CLIENT_ID"]!);
    }

    [Fact]
    public async Task Entra_sign_in_lets_every_request_through_so_public_pages_stay_open_and_the_app_decides_the_rest()
    {
        var snapshot = await DeploymentSnapshot.OfAsync("param enableEntraAuthentication = true", $"param entraClientId = '{ClientId}'");

        var auth = Assert.Single(snapshot.Resources("Microsoft.Web/sites/config"));
        Assert.Equal($"{snapshot.IdOf("Microsoft.Web/sites")}/config/authsettingsV2", (string)auth["id"]!);
        var properties = auth["properties"]!;
        Assert.True((bool)properties["platform"]!["enabled"]!);
        Assert.False((bool)properties["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("AllowAnonymous", (string)properties["globalValidation"]!["unauthenticatedClientAction"]!);
        Assert.Null(properties["globalValidation"]!["excludedPaths"]);
        var provider = properties["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool)provider["enabled"]!);
        Assert.Equal(ClientId, (string)provider["registration"]!["clientId"]!);
        Assert.Equal([$"api://{ClientId}"], provider["validation"]!["allowedAudiences"]!.AsArray().Select(audience => (string)audience!));
        Assert.False((bool)properties["login"]!["tokenStore"]!["enabled"]!);
        Assert.Equal(ClientId, (string)snapshot.Outputs["ENTRA_SIGN_IN_CLIENT_ID"]!);
    }

    [Fact]
    public async Task Entra_sign_in_without_a_client_id_fails_the_deployment_saying_what_is_missing()
    {
        var snapshot = await DeploymentSnapshot.OfAsync("param enableEntraAuthentication = true");

        Assert.False(snapshot.Succeeded);
        Assert.Contains(
            "enableEntraAuthentication is true but entraClientId is empty: give the client id of the Entra ID app registration people sign in through",
            snapshot.Run.StandardError,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_sign_in_off_no_app_registration_is_named_for_the_hook_to_change()
    {
        var snapshot = await DeploymentSnapshot.OfAsync($"param entraClientId = '{ClientId}'");

        Assert.Empty(snapshot.Resources("Microsoft.Web/sites/config"));
        Assert.Equal("", (string)snapshot.Outputs["ENTRA_SIGN_IN_CLIENT_ID"]!);
    }
}
