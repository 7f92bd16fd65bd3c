using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The partner page's latest outcomes come from the first page of each dataset the caller may send, not the whole
/// ledger: one ledger request a dataset, whatever the ledger's size.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubmitPageLedgerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_latest_outcomes_cost_one_ledger_request_for_each_dataset_the_caller_may_send()
    {
        var counter = new RequestCounter();
        using var app = PipelineHarness.Create(azurite, counter);
        var ledgerTable = app.Settings["Pipeline:Storage:LedgerTable"]!;
        await OldLedger.WriteAsync(app.Tables.GetTableClient(ledgerTable), OldLedger.Generate(3_000, new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero)));
        await GetAsync(app); // The first listing indexes the ledger written before the index, once.
        counter.Reset();

        var page = (await GetAsync(app)).Text();

        // The administrator may send both datasets: one page of each. Entries 2980 to 2999, the 20 newest, are of area 29.
        Assert.Equal(2, counter.Requests.Count(r => r.Contains(ledgerTable, StringComparison.Ordinal)));
        Assert.Contains("returns/area-00029.csv", page, StringComparison.Ordinal);
        Assert.Contains("violence-admissions/area-00029.csv", page, StringComparison.Ordinal);
        Assert.DoesNotContain("area-00028.csv", page, StringComparison.Ordinal);
    }

    private static Task<Microsoft.AspNetCore.Http.HttpResponse> GetAsync(PipelineHarness app) =>
        HttpCall.CallAsync(app, "GET", [], f =>
        {
            f.Request.Path = "/submit";
            return ActivatorUtilities.CreateInstance<SubmitPage>(app.Services).RunAsync(f.Request, CancellationToken.None);
        });
}
