using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>
/// What a deployment of infra/main.bicep with given parameters would create, as <c>bicep snapshot</c> predicts it
/// offline: ARM's own engine evaluates the parameters, variables, loops, conditions and modules, so every resource of
/// every module is listed with its real name and id, and role assignments carry their real principals, scopes and
/// conditions. Only what needs a deployed resource (<c>reference()</c>) stays an expression.
/// </summary>
internal sealed class DeploymentSnapshot
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000aa";
    public const string TenantId = "00000000-0000-0000-0000-0000000000bb";
    public const string ResourceGroup = "rg-pipeline-test";
    public const string Location = "uksouth";

    private DeploymentSnapshot(BicepResult run, JsonObject? snapshot)
    {
        Run = run;
        Root = snapshot;
    }

    public BicepResult Run { get; }

    public bool Succeeded => Root is not null;

    private JsonObject? Root { get; }

    private JsonObject Snapshot => Root
        ?? throw new InvalidOperationException($"bicep snapshot failed ({Run.ExitCode}): {Run.StandardError}");

    public JsonObject Outputs => Snapshot["outputs"]!.AsObject();

    /// <summary>Every resource the deployment would create, whichever module declares it.</summary>
    public IReadOnlyList<JsonObject> AllResources =>
        [.. Snapshot["predictedResources"]!.AsArray().Select(resource => resource!.AsObject())];

    public IReadOnlyList<JsonObject> Resources(string type) =>
        [.. AllResources.Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The one resource of this type; the test fails if there is none or more than one.</summary>
    public JsonObject Single(string type)
    {
        var resources = Resources(type);
        Assert.True(resources.Count == 1, $"Expected one {type}, found {resources.Count}.");
        return resources[0];
    }

    /// <summary>The resource id of the one resource of this type, e.g. to compare with a property that points to it.</summary>
    public string IdOf(string type) => (string)Single(type)["id"]!;

    /// <summary>The last segment of a resource's name: the container of st…/default/uploads.</summary>
    public static string LeafName(JsonObject resource)
    {
        var name = (string)resource["name"]!;
        return name[(name.LastIndexOf('/') + 1)..];
    }

    /// <summary>The resource id of a resource of this deployment, as ARM makes it.</summary>
    public static string ResourceId(string providerPath) =>
        $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{providerPath}";

    /// <summary>
    /// Snapshots main.bicep with <c>environmentName = 'test'</c> and the given .bicepparam lines
    /// (e.g. <c>param enableEntraAuthentication = true</c>).
    /// </summary>
    public static async Task<DeploymentSnapshot> OfAsync(params string[] parameterLines)
    {
        var directory = Directory.CreateTempSubdirectory("pipeline-infra-snapshot-");
        try
        {
            var parameters = Path.Combine(directory.FullName, "main.bicepparam");

            // A .bicepparam names its template by a relative path only.
            var template = Path.GetRelativePath(directory.FullName, Repository.Infra("main.bicep")).Replace('\\', '/');
            await File.WriteAllLinesAsync(parameters, [$"using '{template}'", "param environmentName = 'test'", .. parameterLines]);

            var run = await BicepCli.RunAsync(
                "snapshot", parameters, "--mode", "overwrite",
                "--subscription-id", SubscriptionId, "--tenant-id", TenantId,
                "--resource-group", ResourceGroup, "--location", Location);
            var output = Path.ChangeExtension(parameters, ".snapshot.json");
            var snapshot = run.ExitCode == 0 && File.Exists(output)
                ? JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject()
                : null;
            return new DeploymentSnapshot(run, snapshot);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
