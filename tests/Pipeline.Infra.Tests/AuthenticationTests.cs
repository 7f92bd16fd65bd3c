namespace Pipeline.Infra.Tests;

/// <summary>Entra ID sign-in (App Service Authentication) is a deployment option, off unless asked for.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class AuthenticationTests(CompiledTemplateFixture compiled)
{
    [Fact]
    public void Entra_sign_in_is_off_by_default_and_deployed_only_when_asked_for()
    {
        var auth = compiled.Template.Single("Microsoft.Web/sites/config");

        Assert.Equal("[parameters('enableEntraAuthentication')]", (string)auth["condition"]!);
        Assert.False((bool)compiled.Template.Parameters["enableEntraAuthentication"]!["defaultValue"]!);
        Assert.EndsWith("'authsettingsV2')]", (string)auth["name"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Entra_sign_in_requires_authentication_for_every_request_with_the_app_registration()
    {
        var properties = compiled.Template.Single("Microsoft.Web/sites/config")["properties"]!;

        Assert.True((bool)properties["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("RedirectToLoginPage", (string)properties["globalValidation"]!["unauthenticatedClientAction"]!);
        var provider = properties["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool)provider["enabled"]!);
        Assert.Equal("[parameters('entraClientId')]", (string)provider["registration"]!["clientId"]!);
        Assert.False((bool)properties["login"]!["tokenStore"]!["enabled"]!);
    }
}
