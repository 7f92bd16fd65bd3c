using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>
/// Builds infra/main.bicep once for every test in the collection, and snapshots what a deployment with the default
/// parameters would create (every module's resources, evaluated), which is what most tests read.
/// </summary>
public sealed class CompiledTemplateFixture : IAsyncLifetime
{
    internal BicepResult Build { get; private set; } = new(-1, "", "");

    private ArmTemplate? template;

    private DeploymentSnapshot? deployed;

    internal ArmTemplate Template => template
        ?? throw new InvalidOperationException($"bicep build failed ({Build.ExitCode}): {Build.StandardError}");

    /// <summary>The deployment with <c>environmentName = 'test'</c> and every other parameter left at its default.</summary>
    internal DeploymentSnapshot Deployed => deployed
        ?? throw new InvalidOperationException("The default deployment was not snapshotted.");

    public async Task InitializeAsync()
    {
        // --stdout keeps the build out of infra/ (whose *.json files are ignored by git anyway).
        Build = await BicepCli.RunAsync("build", Repository.Infra("main.bicep"), "--stdout", "--no-restore");
        if (Build.ExitCode == 0)
        {
            template = new ArmTemplate(JsonNode.Parse(Build.StandardOutput)!.AsObject());
        }

        deployed = await DeploymentSnapshot.OfAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplateFixture>
{
    public const string Name = "Compiled main.bicep";
}
