using System.Globalization;
using System.Text;
using Pipeline.Core;
using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;

namespace Pipeline.Benchmarks;

/// <summary>
/// Synthetic national-scale data: areas with GSS-shaped codes <c>E99000000</c>, <c>E99000001</c>… (E99 is no real
/// area type, so these can never be mistaken for real figures), returns that name every one of them, and years of
/// accepted quarters.
/// </summary>
public static class NationalData
{
    public const string Quarter = "2024-Q3";

    public static Area[] Areas(int count)
    {
        var areas = new Area[count];
        for (var i = 0; i < count; i++)
        {
            areas[i] = new Area(Code(i), Name(i));
        }

        return areas;
    }

    /// <summary>
    /// Writes a return for <see cref="Quarter"/>, as many rows as fit in <paramref name="maxBytes"/>, and returns the
    /// number of rows. By default it is valid, one row per area (area i on row i + 2, as <see cref="Areas"/> names them);
    /// with <paramref name="cycleThrough"/> the rows repeat those areas, so every row after the first round is a
    /// duplicate-area error. <paramref name="maxRows"/> stops it sooner.
    /// The rows are written as they are made, so a file of any size costs only a buffer.
    /// </summary>
    public static int WriteReturn(Stream output, long maxBytes, IReadOnlyList<Area>? cycleThrough = null, int maxRows = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(output);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var writer = new StreamWriter(output, utf8, bufferSize: 64 * 1024, leaveOpen: true);
        var header = string.Join(',', Pipeline.Core.Datasets.DatasetRegistry.BuiltIn.Default.Columns) + "\n";
        writer.Write(header);
        long written = utf8.GetByteCount(header);
        var rows = 0;
        while (rows < maxRows)
        {
            var row = cycleThrough is null ? Row(rows) : Row(rows, cycleThrough[rows % cycleThrough.Count]);
            written += row.Length; // ASCII: one byte a character
            if (written > maxBytes)
            {
                return rows;
            }

            writer.Write(row);
            rows++;
        }

        return rows;
    }

    /// <summary>The bytes of <see cref="WriteReturn"/>, in memory.</summary>
    public static byte[] Return(long maxBytes, out int rows)
    {
        using var buffer = new MemoryStream(checked((int)maxBytes));
        rows = WriteReturn(buffer, maxBytes);
        return buffer.ToArray();
    }

    /// <summary>
    /// Accepted quarters for <paramref name="areas"/> from <paramref name="firstYear"/>, <paramref name="years"/> years
    /// of them, with figures that differ by area and quarter.
    /// </summary>
    public static List<AcceptedQuarter> AcceptedQuarters(IReadOnlyList<Area> areas, int firstYear, int years)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var accepted = new List<AcceptedQuarter>(years * 4);
        var at = new DateTimeOffset(firstYear + years, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var year = firstYear; year < firstYear + years; year++)
        {
            for (var number = 1; number <= 4; number++)
            {
                var figures = new AreaFigures[areas.Count];
                for (var a = 0; a < areas.Count; a++)
                {
                    var offences = 50 + ((a * 7 + year * 3 + number) % 400);
                    figures[a] = new AreaFigures(areas[a].Code, areas[a].Name, offences, offences / 20, offences / 8);
                }

                var quarter = new Quarter(year, number);
                accepted.Add(new AcceptedQuarter(quarter, $"returns/{quarter}.csv", new string('a', 64), at, at, figures));
            }
        }

        return accepted;
    }

    internal static string Code(int i) => string.Create(CultureInfo.InvariantCulture, $"E99{i:D6}");

    internal static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"Area {i:D6}");

    private static string Row(int i) => Row(i, new Area(Code(i), Name(i)));

    private static string Row(int i, Area area) =>
        string.Create(CultureInfo.InvariantCulture, $"{Quarter},{area.Code},{area.Name},{100 + (i % 900)},{i % 50},{i % 90}\n");
}
