using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests;

/// <summary>
/// infra/app-roles.json, the app roles the postdeploy hook declares on the Entra ID app registration
/// (docs/contract.md section 10): Pipeline.Admin, and Submit.D and Preview.D for every dataset definition in datasets/.
/// </summary>
public sealed partial class AppRolesTests
{
    // A role's id is the name-based (version 5) UUID of its value in this namespace, so it never changes: Entra ties every
    // assignment of a role to its id, and a new id would silently take the role from everyone who has it.
    private static readonly Guid RoleIdNamespace = new("f4f05210-816f-4294-b0cc-55eac541213c");

    private static readonly JsonArray Roles = JsonNode.Parse(File.ReadAllText(Repository.Infra("app-roles.json")))!.AsArray();

    private static IEnumerable<JsonObject> EnabledRoles => Roles.Select(role => role!.AsObject()).Where(role => (bool)role["isEnabled"]!);

    private static IReadOnlyList<string> DatasetIds { get; } =
        [.. Directory.GetFiles(Repository.File("datasets"), "*.json")
            .Select(file => (string)JsonNode.Parse(File.ReadAllText(file))!["id"]!)
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void The_shipped_datasets_are_the_two_of_the_contract() =>
        Assert.Equal(["serious-youth-violence", "violence-admissions"], DatasetIds);

    [Fact]
    public void Enabled_roles_are_Pipeline_Admin_and_Submit_and_Preview_of_every_dataset_and_nothing_else()
    {
        var expected = DatasetIds.SelectMany(id => new[] { $"Submit.{id}", $"Preview.{id}" }).Append("Pipeline.Admin").Order(StringComparer.Ordinal).ToList();
        var enabled = EnabledRoles.Select(role => (string)role["value"]!).Order(StringComparer.Ordinal).ToList();

        var missing = expected.Except(enabled, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"infra/app-roles.json lacks {string.Join(", ", missing)}. Add:\n{string.Join(",\n", missing.Select(Suggestion))}");
        Assert.Equal(expected, enabled);
    }

    [Fact]
    public void Every_role_id_is_the_name_based_uuid_of_its_value_so_it_never_changes()
    {
        Assert.All(Roles, role => Assert.Equal(RoleId((string)role!["value"]!).ToString(), (string)role["id"]!));
        Assert.Equal(Roles.Count, Roles.Select(role => (string)role!["id"]!).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_role_has_exactly_the_properties_Entra_takes_and_a_value_Entra_accepts()
    {
        Assert.All(Roles, role =>
        {
            var value = (string)role!["value"]!;
            Assert.Equal(
                ["allowedMemberTypes", "description", "displayName", "id", "isEnabled", "value"],
                role.AsObject().Select(property => property.Key).Order(StringComparer.Ordinal));
            Assert.Matches(EntraRoleValue(), value);
            Assert.False(string.IsNullOrWhiteSpace((string)role["displayName"]!), $"{value} has no displayName.");
            Assert.True(role["isEnabled"]!.GetValueKind() is JsonValueKind.True or JsonValueKind.False, $"{value}: isEnabled must be true or false.");
        });
    }

    [Theory]
    [InlineData("Pipeline.Admin", new[] { "User", "Application" })]
    [InlineData("Submit.serious-youth-violence", new[] { "User", "Application" })]
    [InlineData("Submit.violence-admissions", new[] { "User", "Application" })]
    [InlineData("Preview.serious-youth-violence", new[] { "User" })]
    [InlineData("Preview.violence-admissions", new[] { "User" })]
    public void Scripts_may_be_given_admin_and_submit_roles_but_only_people_preview(string value, string[] memberTypes)
    {
        var role = Assert.Single(Roles, role => (string)role!["value"]! == value)!;

        Assert.Equal(memberTypes, role["allowedMemberTypes"]!.AsArray().Select(type => (string)type!));
    }

    [Fact]
    public void Every_dataset_roles_description_names_its_dataset()
    {
        var datasetRoles = EnabledRoles.Where(role => DatasetOf((string)role["value"]!) is not null).ToList();

        Assert.Equal(2 * DatasetIds.Count, datasetRoles.Count);
        Assert.All(datasetRoles, role => Assert.Contains(DatasetOf((string)role["value"]!)!, (string)role["description"]!, StringComparison.Ordinal));
        Assert.All(EnabledRoles, role => Assert.True(((string)role["description"]!).Length >= 40, $"{role["value"]} needs a description that says what it allows."));
    }

    private static string? DatasetOf(string value) =>
        value.StartsWith("Submit.", StringComparison.Ordinal) ? value["Submit.".Length..]
        : value.StartsWith("Preview.", StringComparison.Ordinal) ? value["Preview.".Length..]
        : null;

    /// <summary>RFC 9562 name-based UUID, version 5 (SHA-1), of the role's value.</summary>
    internal static Guid RoleId(string value)
    {
        Span<byte> name = stackalloc byte[16];
        RoleIdNamespace.TryWriteBytes(name, bigEndian: true, out _);
#pragma warning disable CA5350 // SHA-1 is what version 5 UUIDs are defined with; nothing here is a security use.
        var hash = SHA1.HashData([.. name, .. Encoding.UTF8.GetBytes(value)]);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static string Suggestion(string value) => new JsonObject
    {
        ["allowedMemberTypes"] = value.StartsWith("Preview.", StringComparison.Ordinal) ? new JsonArray("User") : new JsonArray("User", "Application"),
        ["description"] = "<what the role allows, naming the dataset id>",
        ["displayName"] = "<a name people recognise>",
        ["id"] = RoleId(value).ToString(),
        ["isEnabled"] = true,
        ["value"] = value,
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    // What Microsoft Graph allows in appRole.value: letters, digits and these marks, no spaces, not starting with a dot.
    [GeneratedRegex(@"^(?!\.)[A-Za-z0-9!#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~]+$")]
    private static partial Regex EntraRoleValue();
}
