using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class IdentityAndRoleTests(CompiledTemplateFixture compiled)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private DeploymentSnapshot Deployed => compiled.Deployed;

    private string IdentityId => Deployed.IdOf("Microsoft.ManagedIdentity/userAssignedIdentities");

    [Fact]
    public void Function_app_runs_as_the_user_assigned_identity()
    {
        var identity = Deployed.Single("Microsoft.Web/sites")["identity"]!;

        Assert.Equal("UserAssigned", (string)identity["type"]!);
        var assigned = Assert.Single(identity["userAssignedIdentities"]!.AsObject());
        Assert.Equal(IdentityId, assigned.Key);
    }

    [Theory]
    [InlineData(StorageBlobDataOwner, "Microsoft.Storage/storageAccounts")]
    [InlineData(StorageQueueDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(StorageTableDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(MonitoringMetricsPublisher, "Microsoft.Insights/components")]
    public void Identity_is_granted_each_role_it_needs_on_the_one_resource_it_needs_it_for(string roleId, string scopeType)
    {
        var assignment = Assert.Single(ServiceAssignments(), assignment => RoleOf(assignment) == roleId);

        Assert.Equal(Deployed.IdOf(scopeType), ScopeOf(assignment));
        Assert.Matches(
            $@"^\[reference\('{Regex.Escape(IdentityId)}', '[0-9a-z-]+'\)\.principalId\]$",
            (string)assignment["properties"]!["principalId"]!);
        Assert.Equal("ServicePrincipal", (string)assignment["properties"]!["principalType"]!);
    }

    [Fact]
    public void No_service_is_granted_a_role_beyond_the_five_least_privilege_ones()
    {
        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher, StorageBlobDataContributor }.Order(StringComparer.Ordinal),
            ServiceAssignments().Select(RoleOf).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_partner_groups_every_role_assignment_is_a_services_and_none_carries_a_condition()
    {
        // PartnerStorageDropTests deploy with partner groups and evaluate their conditioned assignments.
        Assert.Equal(RoleAssignments().Count, ServiceAssignments().Count);
        Assert.All(RoleAssignments(), assignment => Assert.Null(assignment["properties"]!["condition"]));
    }

    [Fact]
    public void The_event_grid_topic_may_write_only_to_the_dead_letter_container_with_its_own_identity()
    {
        var assignment = Assert.Single(ServiceAssignments(), a => RoleOf(a) == StorageBlobDataContributor);
        var topic = Deployed.Single("Microsoft.EventGrid/systemTopics");
        var deadLetter = Assert.Single(
            Deployed.Resources("Microsoft.Storage/storageAccounts/blobServices/containers"),
            container => DeploymentSnapshot.LeafName(container) == "eventgrid-deadletter");

        Assert.Equal("SystemAssigned", (string)topic["identity"]!["type"]!);
        Assert.Equal((string)deadLetter["id"]!, ScopeOf(assignment));
        Assert.Matches(
            $@"^\[reference\('{Regex.Escape((string)topic["id"]!)}', '[0-9-]+', 'full'\)\.identity\.principalId\]$",
            (string)assignment["properties"]!["principalId"]!);
    }

    private IReadOnlyList<JsonObject> RoleAssignments() => Deployed.Resources("Microsoft.Authorization/roleAssignments");

    private IReadOnlyList<JsonObject> ServiceAssignments() =>
        [.. RoleAssignments().Where(assignment => (string?)assignment["properties"]!["principalType"] == "ServicePrincipal")];

    private static string RoleOf(JsonObject assignment)
    {
        var definition = (string)assignment["properties"]!["roleDefinitionId"]!;
        const string Prefix = $"/subscriptions/{DeploymentSnapshot.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/";
        Assert.StartsWith(Prefix, definition, StringComparison.Ordinal);
        return definition[Prefix.Length..];
    }

    // An assignment's id is its scope's id followed by /providers/Microsoft.Authorization/roleAssignments/<guid>.
    private static string ScopeOf(JsonObject assignment)
    {
        var id = (string)assignment["id"]!;
        const string Marker = "/providers/Microsoft.Authorization/roleAssignments/";
        var at = id.LastIndexOf(Marker, StringComparison.Ordinal);
        Assert.True(at > 0, $"Not a role assignment id: {id}");
        return id[..at];
    }
}
