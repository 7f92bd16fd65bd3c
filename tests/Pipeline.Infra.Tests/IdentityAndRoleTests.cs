using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class IdentityAndRoleTests(CompiledTemplateFixture compiled)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private ArmTemplate Template => compiled.Template;

    private string IdentityId => Template.ResourceIdOf("Microsoft.ManagedIdentity/userAssignedIdentities");

    [Fact]
    public void Function_app_runs_as_the_user_assigned_identity()
    {
        var identity = Template.Single("Microsoft.Web/sites")["identity"]!;

        Assert.Equal("UserAssigned", (string)identity["type"]!);
        var assigned = Assert.Single(identity["userAssignedIdentities"]!.AsObject());
        Assert.Contains(IdentityId, assigned.Key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageBlobDataOwner, "Microsoft.Storage/storageAccounts")]
    [InlineData(StorageQueueDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(StorageTableDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(MonitoringMetricsPublisher, "Microsoft.Insights/components")]
    public void Identity_is_granted_each_role_it_needs_on_the_one_resource_it_needs_it_for(string roleId, string scopeType)
    {
        var assignment = Assert.Single(ServiceAssignments(), assignment => RoleOf(assignment) == roleId);

        Assert.Equal($"[{Template.ResourceIdOf(scopeType)}]", (string)assignment["scope"]!);
        Assert.Matches(
            $@"^\[reference\({System.Text.RegularExpressions.Regex.Escape(IdentityId)}, '[0-9a-z-]+'\)\.principalId\]$",
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
    public void The_only_other_role_assignments_are_the_partner_groups_conditioned_ones_on_the_uploads_container()
    {
        // PartnerStorageDropTests evaluate them with real parameters.
        var partners = Assert.Single(RoleAssignments(), assignment => (string?)assignment["properties"]!["principalType"] != "ServicePrincipal");

        Assert.Equal("Group", (string)partners["properties"]!["principalType"]!);
        Assert.Equal(StorageBlobDataContributor, RoleOf(partners));
        Assert.Equal("[length(variables('partnerGrants'))]", (string)partners["copy"]!["count"]!);
        Assert.Equal("2.0", (string)partners["properties"]!["conditionVersion"]!);
        Assert.Contains("'uploads'", Template.ResolveVariables((string)partners["scope"]!), StringComparison.Ordinal);
    }

    [Fact]
    public void The_event_grid_topic_may_write_only_to_the_dead_letter_container_with_its_own_identity()
    {
        var assignment = Assert.Single(ServiceAssignments(), a => RoleOf(a) == StorageBlobDataContributor);
        var topic = Template.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("SystemAssigned", (string)topic["identity"]!["type"]!);
        Assert.Contains("eventgrid-deadletter", Template.ResolveVariables((string)assignment["scope"]!), StringComparison.Ordinal);
        Assert.Contains("Microsoft.EventGrid/systemTopics", (string)assignment["properties"]!["principalId"]!, StringComparison.Ordinal);
    }

    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    private IReadOnlyList<JsonObject> RoleAssignments() => Template.Resources("Microsoft.Authorization/roleAssignments");

    private IReadOnlyList<JsonObject> ServiceAssignments() =>
        [.. RoleAssignments().Where(assignment => (string?)assignment["properties"]!["principalType"] == "ServicePrincipal")];

    private string RoleOf(JsonObject assignment)
    {
        // [subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '<guid>')] once variables are resolved.
        var definition = Template.ResolveVariables((string)assignment["properties"]!["roleDefinitionId"]!);
        const string Prefix = "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '";
        Assert.StartsWith(Prefix, definition, StringComparison.Ordinal);
        Assert.EndsWith("')]", definition, StringComparison.Ordinal);
        return definition[Prefix.Length..^3];
    }
}
