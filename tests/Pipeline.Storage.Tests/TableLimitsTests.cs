using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Tests;

/// <summary>The tests' table clients refuse what Azure refuses, though Azurite would accept it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableLimitsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_string_property_over_64_KiB_is_refused_as_Azure_would()
    {
        var table = await TableAsync();

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["Text"] = new string('x', 32_769) }));

        Assert.Equal((400, "PropertyValueTooLarge"), (refused.Status, refused.ErrorCode));
    }

    [Fact]
    public async Task An_entity_over_1_MiB_is_refused_and_one_just_under_is_stored()
    {
        var table = await TableAsync();
        var under = new TableEntity("p", "under");
        var over = new TableEntity("p", "over");
        for (var i = 0; i < 16; i++)
        {
            under[$"P{i:D2}"] = new string('x', 32_000);
            over[$"P{i:D2}"] = new string('x', 32_768);
        }

        // 16 properties of 32,000 characters: 16 x (8 + 2 x 3 + 64,000 + 4) + 4 + 2 x 6 = 1,024,304 bytes, under 1 MiB.
        await table.AddEntityAsync(under);
        over["P16"] = new string('x', 1_000); // 16 x 65,554 + 2,018 + 4 + 2 x 5 = 1,050,896 bytes, over.
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(over));

        Assert.Equal("EntityTooLarge", refused.ErrorCode);
        Assert.NotNull((await table.GetEntityIfExistsAsync<TableEntity>("p", "under")).Value);
    }

    [Fact]
    public async Task More_than_252_properties_are_refused()
    {
        var table = await TableAsync();
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
        {
            entity[$"P{i}"] = i;
        }

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(entity));

        Assert.Equal("TooManyProperties", refused.ErrorCode);
    }

    [Fact]
    public async Task A_batch_of_more_than_100_operations_is_refused()
    {
        var table = await TableAsync();
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", $"r{i}"))).ToList();

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal("InvalidInput", refused.ErrorCode);
    }

    private async Task<TableClient> TableAsync()
    {
        var table = azurite.CreateTableServiceClient().GetTableClient(AzuriteFixture.UniqueName("limits"));
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
