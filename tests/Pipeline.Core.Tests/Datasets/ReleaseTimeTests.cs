using Pipeline.Core.Datasets;
using Pipeline.Core.Releases;

namespace Pipeline.Core.Tests.Datasets;

/// <summary>
/// Local release times and the instants they name, in Europe/London by its IANA id (on Linux and Windows alike). The
/// expected instants are from the UK's clock changes of 2027: forward at 01:00 GMT on 28 March, back at 02:00 BST on
/// 31 October.
/// </summary>
public sealed class ReleaseTimeTests
{
    private static DatasetPublication At(string time) => new("scheduled", time, "Europe/London");

    [Theory]
    [InlineData("2027-01-14", "09:30", "2027-01-14T09:30:00+00:00")]
    [InlineData("2027-07-15", "09:30", "2027-07-15T09:30:00+01:00")]
    [InlineData("2027-03-27", "09:30", "2027-03-27T09:30:00+00:00")]
    [InlineData("2027-03-28", "09:30", "2027-03-28T09:30:00+01:00")]
    [InlineData("2027-10-30", "09:30", "2027-10-30T09:30:00+01:00")]
    [InlineData("2027-10-31", "09:30", "2027-10-31T09:30:00+00:00")]
    [InlineData("2027-10-31", "01:30", "2027-10-31T01:30:00+01:00")] // Passed twice: the first, in summer time.
    public void A_local_time_names_its_instant_with_the_offset_of_that_day(string date, string time, string expected)
    {
        Assert.True(ReleaseTime.TryInstant(At(time), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), out var instant, out _));
        Assert.Equal(expected, ReleaseTime.Iso(instant, At(time)));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void A_local_time_the_clocks_skip_is_refused()
    {
        Assert.False(ReleaseTime.TryInstant(At("01:30"), new DateOnly(2027, 3, 28), out _, out var problem));
        Assert.Equal("2027-03-28 01:30 does not exist in Europe/London: the clocks go forward past it that night. Choose another date.", problem);
    }

    [Theory]
    [InlineData("{\"mode\": \"scheduled\", \"time\": \"9:30\", \"timeZone\": \"Europe/London\"}", "'publication.time' must be a local time of day as HH:mm")]
    [InlineData("{\"mode\": \"scheduled\", \"time\": \"09:30\", \"timeZone\": \"GMT Standard Time\"}", "'publication.timeZone' must be an IANA time zone id")]
    [InlineData("{\"mode\": \"scheduled\", \"time\": \"09:30\", \"timeZone\": \"Mars/Olympus\"}", "'publication.timeZone' must be an IANA time zone id")]
    [InlineData("{\"mode\": \"weekly\"}", "'publication.mode' must be 'scheduled' or 'continuous'")]
    [InlineData("{\"mode\": \"scheduled\", \"time\": \"09:30\", \"timeZone\": \"Europe/London\", \"preReleaseHours\": -1}", "'publication.preReleaseHours' must be 0 to 168")]
    public void A_bad_publication_stops_the_start_naming_it(string publication, string problem)
    {
        var json = File.ReadAllText(RepositoryRoot.Combine("datasets", "violence-admissions.json")).TrimEnd().TrimEnd('}') + ", \"publication\": " + publication + "}";
        var refused = Assert.Throws<DatasetDefinitionException>(() => DatasetDefinitionReader.Read(json, "x.json"));
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_only_scheduled_definition_reads()
    {
        var definition = DatasetDefinitionReader.Read(File.ReadAllText(RepositoryRoot.Combine("tests", "Pipeline.Testing", "ScheduledDefinitions", "youth-diversions.json")), "youth-diversions.json");
        Assert.True(definition.IsScheduled);
        Assert.Equal((new TimeOnly(9, 30), 24, 1), (definition.Publication!.LocalTime, definition.Publication.PreReleaseHours, definition.Publication.ProvisionalQuarters));
    }
}
