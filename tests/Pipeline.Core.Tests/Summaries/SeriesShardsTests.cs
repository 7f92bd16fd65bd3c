using System.Text;
using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;
using Pipeline.Core.Series;

namespace Pipeline.Core.Tests.Summaries;

/// <summary>A large series kept by area too: one area's series from the totals and one run of areas is what the whole series cut to that area gives.</summary>
public class SeriesShardsTests
{
    private static readonly string[] Fields = ["offences", "knife_offences"];

    // E2 is missing from 2024-Q2; E1's return named it otherwise in 2024-Q3.
    private static readonly SeriesDocument Series = new("d", Fields,
    [
        new SeriesQuarter(new Quarter(2024, 1), [30, 3], [new AreaFigures("E1", "One", 10, 1), new AreaFigures("E2", "Two", 20, 2)]),
        new SeriesQuarter(new Quarter(2024, 2), [11, 1], [new AreaFigures("E1", "One", 11, 1)]),
        new SeriesQuarter(new Quarter(2024, 3), [34, 4], [new AreaFigures("E1", "One (old)", 12, 1), new AreaFigures("E2", "Two", 22, 3)]),
        new SeriesQuarter(new Quarter(2024, 4), [36, 5], [new AreaFigures("E1", "One", 13, 2), new AreaFigures("E2", "Two", 23, 3), new AreaFigures("E3", "Three", 0, 0)]),
    ]);

    [Fact]
    public void The_totals_and_a_run_of_areas_are_compact_json_each_area_once_with_the_quarters_it_is_in()
    {
        Assert.Equal("""[["2024-Q1",[30,3]],["2024-Q2",[11,1]],["2024-Q3",[34,4]],["2024-Q4",[36,5]]]""", SeriesShards.Totals(Series));

        var shards = SeriesShards.Build(Series, 2);
        Assert.Equal(["E1", "E3"], shards.Select(s => s.Key));
        Assert.Equal(
            """{"areas":[{"code":"E1","name":"One","q":[[0,10,1],[1,11,1],[2,12,1,"One (old)"],[3,13,2]]},{"code":"E2","name":"Two","q":[[0,20,2],[2,22,3],[3,23,3]]}]}""",
            Encoding.UTF8.GetString(shards[0].Content));
        Assert.Equal("""{"areas":[{"code":"E3","name":"Three","q":[[3,0,0]]}]}""", Encoding.UTF8.GetString(shards[1].Content));
    }

    [Theory]
    [InlineData("E1", 0)]
    [InlineData("E2", 0)]
    [InlineData("E3", 1)]
    public void One_areas_series_from_its_run_is_the_whole_series_cut_to_that_area_byte_for_byte(string code, int shard)
    {
        var shards = SeriesShards.Build(Series, 2);
        var fromShard = SeriesShards.ForArea("d", Fields, SeriesShards.Totals(Series), shards[shard].Content, code);

        Assert.Equal(SeriesJson.ToUtf8Bytes(Series.ForArea(code)!), SeriesJson.ToUtf8Bytes(fromShard!));
        Assert.Equal(SeriesCsv.ToUtf8Bytes(Series.ForArea(code)!), SeriesCsv.ToUtf8Bytes(fromShard!));
    }

    [Fact]
    public void An_area_the_run_does_not_hold_is_none()
    {
        var shards = SeriesShards.Build(Series, 2);
        Assert.Null(SeriesShards.ForArea("d", Fields, SeriesShards.Totals(Series), shards[0].Content, "E9"));
    }

    [Fact]
    public void The_csv_written_a_quarter_at_a_time_is_the_csv_written_whole()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        SeriesCsv.WriteHeader(buffer, Fields);
        foreach (var quarter in Series.Quarters)
        {
            SeriesCsv.WriteQuarter(buffer, quarter);
        }

        Assert.Equal(SeriesCsv.ToUtf8Bytes(Series), buffer.WrittenSpan.ToArray());
        Assert.StartsWith("quarter,area_code,area_name,offences,knife_offences\r\n2024-Q1,E1,One,10,1\r\n2024-Q1,E2,Two,20,2\r\n2024-Q1,,Total,30,3\r\n", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
