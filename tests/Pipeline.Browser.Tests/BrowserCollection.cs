namespace Pipeline.Browser.Tests;

/// <summary>One Azurite and one Chromium for the whole project; each test starts its own server over fresh containers.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
