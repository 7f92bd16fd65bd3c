namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline release schedule|move|list|access</c> against Azurite: the calendar, and every refusal as exit 2 with its reason.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReleaseCommandTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Schedule_move_and_list_a_release_refusing_bad_input_with_exit_2()
    {
        var settings = ScheduledDataset.Settings(azurite);
        var scheduled = await CliRun.RunAsync(["release", "schedule", "--dataset", "youth-diversions", "--date", "2027-07-15", "--through", "2027-Q1"], settings, Now);
        Assert.Equal(0, scheduled.ExitCode);
        Assert.Equal("Scheduled youth-diversions-2027-07-15  scheduled 2027-07-15T09:30:00+01:00  to 2027-Q1  Youth diversions: figures to March 2027", scheduled.StdoutLines[0]);

        async Task RefusedAsync(string[] args, string reason)
        {
            var run = await CliRun.RunAsync(args, settings, Now);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains(reason, run.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Stdout);
        }

        await RefusedAsync(["release", "schedule", "--dataset", "youth-diversions", "--date", "2027-07-15", "--through", "2027-Q1"], "already has a release on 2027-07-15");
        await RefusedAsync(["release", "schedule", "--dataset", "youth-diversions", "--date", "2027-01-09", "--through", "2026-Q4"], "2027-01-09T09:30:00+00:00 is in the past");
        await RefusedAsync(["release", "schedule", "--dataset", "youth-diversions", "--date", "2027-03-31", "--through", "2027-Q1"], "2027-Q1 will not have ended by the release at 2027-03-31T09:30:00+01:00");
        await RefusedAsync(["release", "schedule", "--dataset", "serious-youth-violence", "--date", "2027-07-15", "--through", "2027-Q1"], "'serious-youth-violence' is published continuously");
        await RefusedAsync(["release", "schedule", "--dataset", "youth-diversions", "--date", "15/07/2027", "--through", "2027-Q1"], "Give the day of the release as YYYY-MM-DD");
        await RefusedAsync(["release", "move", "youth-diversions-2027-07-15", "--date", "2027-07-22"], "Give the reason for the move");
        await RefusedAsync(["release", "move", "youth-diversions-2027-07-16", "--date", "2027-07-22", "--reason", "x"], "There is no release 'youth-diversions-2027-07-16'");
        await RefusedAsync(["release", "access", "nothing-2027-01-01"], "There is no release 'nothing-2027-01-01'");

        var moved = await CliRun.RunAsync(["release", "move", "youth-diversions-2027-07-15", "--date", "2027-07-22", "--reason", "Waiting for one partner's return"], settings, Now);
        Assert.Equal(0, moved.ExitCode);
        var list = await CliRun.RunAsync(["release", "list", "--dataset", "youth-diversions"], settings, Now);
        Assert.Equal(
            [
                "Youth diversions (youth-diversions): 1 release, latest first",
                "  youth-diversions-2027-07-15  scheduled 2027-07-22T09:30:00+01:00  to 2027-Q1  Youth diversions: figures to March 2027",
                "    moved from 2027-07-15T09:30:00+01:00 to 2027-07-22T09:30:00+01:00: Waiting for one partner's return",
            ],
            list.StdoutLines);
        var access = await CliRun.RunAsync(["release", "access", "youth-diversions-2027-07-15", "--json"], settings, Now);
        Assert.Equal((0, "[]"), (access.ExitCode, access.Stdout.Trim()));

        // Once published, it cannot be moved.
        var late = await CliRun.RunAsync(["release", "move", "youth-diversions-2027-07-15", "--date", "2027-08-05", "--reason", "x"], settings, new DateTimeOffset(2027, 7, 22, 8, 30, 0, TimeSpan.Zero));
        Assert.Equal(2, late.ExitCode);
        Assert.Contains("a published release cannot be moved", late.Stderr, StringComparison.Ordinal);
    }
}
