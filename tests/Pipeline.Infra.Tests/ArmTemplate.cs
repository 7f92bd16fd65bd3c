using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>
/// The ARM JSON that <c>bicep build</c> makes of infra/main.bicep: its parameters, its outputs and the templates of the
/// local modules it deploys. What the resources come to is read from a <see cref="DeploymentSnapshot"/>, where ARM has
/// evaluated the expressions.
/// </summary>
internal sealed class ArmTemplate(JsonObject root)
{
    private const string Deployments = "Microsoft.Resources/deployments";

    public JsonObject Root { get; } = root;

    public JsonObject Parameters => Root["parameters"]!.AsObject();

    public JsonObject Outputs => Root["outputs"]!.AsObject();

    /// <summary>
    /// The modules main.bicep deploys (nested deployments) by their deployment name's expression, each with the
    /// template built from its .bicep file.
    /// </summary>
    public IReadOnlyDictionary<string, ArmTemplate> Modules =>
        Root["resources"]!.AsArray()
            .Select(resource => resource!.AsObject())
            .Where(resource => string.Equals((string?)resource["type"], Deployments, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(module => (string)module["name"]!, module => new ArmTemplate(module["properties"]!["template"]!.AsObject()), StringComparer.Ordinal);
}
