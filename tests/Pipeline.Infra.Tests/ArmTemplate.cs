using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests;

/// <summary>
/// The ARM JSON that <c>bicep build</c> makes of infra/main.bicep, with just enough understanding of
/// ARM expressions ("[variables('x')]", "[parameters('y')]") to assert what is decidable before deployment.
/// </summary>
internal sealed partial class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public JsonObject Parameters => Root["parameters"]!.AsObject();

    public JsonObject Variables => Root["variables"]!.AsObject();

    public JsonObject Outputs => Root["outputs"]!.AsObject();

    public IReadOnlyList<JsonObject> Resources(string type) =>
        [.. Root["resources"]!.AsArray()
            .Select(resource => resource!.AsObject())
            .Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase))];

    public JsonObject Single(string type)
    {
        var resources = Resources(type);
        Assert.True(resources.Count == 1, $"Expected one {type}, found {resources.Count}.");
        return resources[0];
    }

    /// <summary>The expression ARM uses for a top-level resource's id, e.g. resourceId('T', variables('n')).</summary>
    public string ResourceIdOf(string type)
    {
        var name = (string)Single(type)["name"]!;
        return $"resourceId('{type}', {Unbracket(name)})";
    }

    /// <summary>The last segment of a resource's name: the container of a/default/uploads.</summary>
    public string LeafName(JsonObject resource)
    {
        var name = ResolveVariables((string)resource["name"]!);
        if (!name.StartsWith('['))
        {
            return name[(name.LastIndexOf('/') + 1)..];
        }

        var literal = LastLiteralArgument().Match(name);
        Assert.True(literal.Success, $"Cannot read the name of {name}.");
        return literal.Groups["value"].Value;
    }

    /// <summary>
    /// The value a setting takes with the template's defaults, where the expression is a plain
    /// variable, a parameter or string() of a parameter; any other expression comes back as is.
    /// </summary>
    public string Evaluate(string value)
    {
        var variable = WholeVariable().Match(value);
        if (variable.Success)
        {
            return (string)Variables[variable.Groups["name"].Value]!;
        }

        var parameter = WholeParameter().Match(value);
        if (parameter.Success)
        {
            var defaultValue = Parameters[parameter.Groups["name"].Value]!["defaultValue"]!;
            return defaultValue.GetValueKind() == System.Text.Json.JsonValueKind.Number
                ? defaultValue.GetValue<long>().ToString(CultureInfo.InvariantCulture)
                : defaultValue.GetValue<string>();
        }

        return value;
    }

    /// <summary>Replaces variables('x') by 'literal' wherever x is a plain string variable.</summary>
    public string ResolveVariables(string expression) =>
        VariableReference().Replace(expression, match =>
        {
            var value = Variables[match.Groups["name"].Value];
            return value is JsonValue literal && literal.TryGetValue<string>(out var text) && !text.StartsWith('[')
                ? $"'{text}'"
                : match.Value;
        });

    private static string Unbracket(string expression) =>
        expression.StartsWith('[') && expression.EndsWith(']') ? expression[1..^1] : $"'{expression}'";

    [GeneratedRegex(@"^\[variables\('(?<name>[^']+)'\)\]$")]
    private static partial Regex WholeVariable();

    [GeneratedRegex(@"^\[(?:string\()?parameters\('(?<name>[^']+)'\)\)?\]$")]
    private static partial Regex WholeParameter();

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"'(?<value>[^']*)'\)\]$")]
    private static partial Regex LastLiteralArgument();
}
