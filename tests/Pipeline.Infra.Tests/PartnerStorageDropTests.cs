using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>main.bicep deployed with two datasets' partner groups (docs/contract.md section 10, storage drops).</summary>
public sealed class PartnerDropsFixture : IAsyncLifetime
{
    public const string NhsTrustGroup = "0b6f1d7e-1a2b-4c3d-8e9f-000000000001";
    public const string NhsAnalystsGroup = "0b6f1d7e-1a2b-4c3d-8e9f-000000000002";
    public const string PoliceForceGroup = "0b6f1d7e-1a2b-4c3d-8e9f-000000000003";

    internal DeploymentSnapshot Snapshot { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Snapshot = await DeploymentSnapshot.OfAsync(
            "param partnerGroups = {",
            $"  'violence-admissions': ['{NhsTrustGroup}', '{NhsAnalystsGroup}']",
            $"  'serious-youth-violence': ['{PoliceForceGroup}']",
            "}");

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class PartnerStorageDropTests(PartnerDropsFixture fixture) : IClassFixture<PartnerDropsFixture>
{
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string Blobs = BlobRequest.Blobs;

    // The whole condition of a group of violence-admissions, as Azure receives it.
    private const string ViolenceAdmissionsCondition =
        $"((!(ActionMatches{{'{Blobs}/write'}}) AND !(ActionMatches{{'{Blobs}/add/action'}}))"
        + " OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'uploads'"
        + " AND (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith 'violence-admissions/')))"
        + $" AND ((!(ActionMatches{{'{Blobs}/read'}}) AND !(ActionMatches{{'{Blobs}/delete'}}) AND !(ActionMatches{{'{Blobs}/move/action'}}))"
        + " OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringNotEquals 'uploads'))";

    private const string UnknownDatasetMessage = "partnerGroups: '<key>' is not a dataset id. Use one of: serious-youth-violence, violence-admissions";

    private DeploymentSnapshot Snapshot => fixture.Snapshot;

    [Fact]
    public void Each_partner_group_is_granted_Storage_Blob_Data_Contributor_once_on_the_uploads_container()
    {
        var assignments = GroupAssignments(Snapshot);

        Assert.Equal(
            [PartnerDropsFixture.NhsTrustGroup, PartnerDropsFixture.NhsAnalystsGroup, PartnerDropsFixture.PoliceForceGroup],
            assignments.Select(PrincipalOf).Order(StringComparer.Ordinal));
        Assert.All(assignments, assignment =>
        {
            Assert.Equal(
                $"/subscriptions/{DeploymentSnapshot.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{StorageBlobDataContributor}",
                (string)assignment["properties"]!["roleDefinitionId"]!);
            Assert.StartsWith($"{UploadsContainerId(Snapshot)}/providers/Microsoft.Authorization/roleAssignments/", (string)assignment["id"]!, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(PartnerDropsFixture.NhsTrustGroup, "violence-admissions/")]
    [InlineData(PartnerDropsFixture.NhsAnalystsGroup, "violence-admissions/")]
    [InlineData(PartnerDropsFixture.PoliceForceGroup, "serious-youth-violence/")]
    public void Each_grant_carries_a_version_2_0_condition_on_exactly_its_datasets_folder(string group, string folder)
    {
        var properties = AssignmentOf(group)["properties"]!;

        Assert.Equal("2.0", (string)properties["conditionVersion"]!);
        Assert.Equal(ViolenceAdmissionsCondition.Replace("'violence-admissions/'", $"'{folder}'", StringComparison.Ordinal), (string)properties["condition"]!);
    }

    [Theory]
    [InlineData("violence-admissions/2024-Q1.csv", true)]
    [InlineData("violence-admissions/2024/Q1.csv", true)]
    [InlineData("serious-youth-violence/2024-Q1.csv", false)]
    [InlineData("2024-Q1.csv", false)]
    [InlineData("Violence-Admissions/2024-Q1.csv", false)]
    [InlineData("violence-admissions-2024-Q1.csv", false)]
    [InlineData("violence-admissions", false)]
    [InlineData("other/violence-admissions/2024-Q1.csv", false)]
    public void A_partner_may_create_and_overwrite_blobs_only_under_its_datasets_folder(string path, bool allowed)
    {
        var condition = ConditionOf(PartnerDropsFixture.NhsTrustGroup);

        Assert.Equal(allowed, AbacCondition.Allows(condition, new BlobRequest($"{Blobs}/write", "uploads", path)));
        Assert.Equal(allowed, AbacCondition.Allows(condition, new BlobRequest($"{Blobs}/add/action", "uploads", path)));
    }

    [Theory]
    [InlineData($"{Blobs}/read")]
    [InlineData($"{Blobs}/delete")]
    [InlineData($"{Blobs}/move/action")]
    public void A_partner_may_not_read_list_delete_or_rename_any_upload_not_even_in_its_own_folder(string dataAction)
    {
        var condition = ConditionOf(PartnerDropsFixture.PoliceForceGroup);

        Assert.False(AbacCondition.Allows(condition, new BlobRequest(dataAction, "uploads", "serious-youth-violence/2024-Q1.csv")));
        Assert.False(AbacCondition.Allows(condition, new BlobRequest(dataAction, "uploads", "violence-admissions/2024-Q1.csv")));
        Assert.False(AbacCondition.Allows(condition, new BlobRequest(dataAction, "uploads", "2024-Q1.csv")));
    }

    [Fact]
    public void Every_data_action_of_the_role_is_refused_outside_the_groups_folder()
    {
        // An action the condition does not name would be granted without it; this proves none is left out.
        Assert.All(GroupAssignments(Snapshot), assignment => Assert.All(
            BlobRequest.ContributorDataActions,
            action => Assert.False(AbacCondition.Allows(
                (string)assignment["properties"]!["condition"]!, new BlobRequest(action, "uploads", "elsewhere/2024-Q1.csv")))));
    }

    [Fact]
    public void No_principal_but_the_apps_identity_and_the_event_topic_holds_a_role_without_a_condition()
    {
        var unconditioned = Snapshot.Resources("Microsoft.Authorization/roleAssignments")
            .Where(assignment => assignment["properties"]!["condition"] is null)
            .Select(PrincipalOf)
            .ToList();

        Assert.Equal(5, unconditioned.Count);
        Assert.All(unconditioned, principal => Assert.Matches(
            @"^\[reference\('[^']*/providers/Microsoft\.(ManagedIdentity/userAssignedIdentities/id-pipeline-[a-z0-9]+', '[0-9-]+'\)\.principalId|EventGrid/systemTopics/evgt-pipeline-[a-z0-9]+', '[0-9-]+', 'full'\)\.identity\.principalId)\]$",
            principal));
    }

    [Fact]
    public async Task A_group_that_sends_two_datasets_gets_one_assignment_covering_both_folders()
    {
        var snapshot = await DeploymentSnapshot.OfAsync(
            "param partnerGroups = {",
            $"  'violence-admissions': ['{PartnerDropsFixture.NhsTrustGroup}']",
            $"  'serious-youth-violence': ['{PartnerDropsFixture.NhsTrustGroup.ToUpperInvariant()}']",
            "}");

        var assignment = Assert.Single(GroupAssignments(snapshot));
        var condition = (string)assignment["properties"]!["condition"]!;
        Assert.Equal(PartnerDropsFixture.NhsTrustGroup, PrincipalOf(assignment));
        Assert.Contains(
            "(@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith 'serious-youth-violence/'"
            + " OR @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith 'violence-admissions/')",
            condition,
            StringComparison.Ordinal);
        Assert.True(AbacCondition.Allows(condition, new BlobRequest($"{Blobs}/write", "uploads", "serious-youth-violence/2024-Q1.csv")));
        Assert.True(AbacCondition.Allows(condition, new BlobRequest($"{Blobs}/write", "uploads", "violence-admissions/2024-Q1.csv")));
        Assert.False(AbacCondition.Allows(condition, new BlobRequest($"{Blobs}/write", "uploads", "2024-Q1.csv")));
        Assert.False(AbacCondition.Allows(condition, new BlobRequest($"{Blobs}/read", "uploads", "violence-admissions/2024-Q1.csv")));
    }

    [Theory]
    [InlineData("violence-admission")]
    [InlineData("Violence-Admissions")]
    public async Task A_key_that_is_not_a_dataset_id_as_written_fails_the_deployment_naming_the_ids(string key)
    {
        // The app would read uploads/<key>/… as the default dataset (or, in another case, as the dataset): granting the
        // folder would give a partner a door into a dataset it was not given.
        var snapshot = await DeploymentSnapshot.OfAsync($"param partnerGroups = {{ '{key}': ['{PartnerDropsFixture.PoliceForceGroup}'] }}");

        Assert.False(snapshot.Succeeded);
        Assert.NotEqual(0, snapshot.Run.ExitCode);
        Assert.Contains(UnknownDatasetMessage.Replace("<key>", key, StringComparison.Ordinal), snapshot.Run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deployment_guide_quotes_the_sentence_an_unknown_dataset_fails_with() =>
        Assert.Contains($"`{UnknownDatasetMessage}`", File.ReadAllText(Repository.File("docs", "deployment.md")), StringComparison.Ordinal);

    [Fact]
    public async Task Without_partner_groups_no_group_is_granted_anything()
    {
        var snapshot = await DeploymentSnapshot.OfAsync();

        Assert.Empty(GroupAssignments(snapshot));
        Assert.Equal(5, snapshot.Resources("Microsoft.Authorization/roleAssignments").Count);
    }

    private static List<JsonObject> GroupAssignments(DeploymentSnapshot snapshot) =>
        [.. snapshot.Resources("Microsoft.Authorization/roleAssignments")
            .Where(assignment => (string?)assignment["properties"]!["principalType"] == "Group")];

    private static string PrincipalOf(JsonObject assignment) => (string)assignment["properties"]!["principalId"]!;

    private static string UploadsContainerId(DeploymentSnapshot snapshot) =>
        (string)Assert.Single(
            snapshot.Resources("Microsoft.Storage/storageAccounts/blobServices/containers"),
            container => ((string)container["name"]!).EndsWith("/default/uploads", StringComparison.Ordinal))["id"]!;

    private JsonObject AssignmentOf(string group) => Assert.Single(GroupAssignments(Snapshot), assignment => PrincipalOf(assignment) == group);

    private string ConditionOf(string group) => (string)AssignmentOf(group)["properties"]!["condition"]!;
}
