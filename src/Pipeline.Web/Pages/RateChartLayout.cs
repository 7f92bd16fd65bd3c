using System.Globalization;

namespace Pipeline.Web.Pages;

/// <summary>
/// The arithmetic of a chart of one rate by area (drawn by <see cref="RateChart"/>): one row per area and one for the
/// total, each a dot at the rate and a horizontal error bar from the lower to the upper bound of its 95% confidence
/// interval, with caps at both ends; a value axis from 0 to a round top (as <see cref="ChartLayout.Scale"/> chooses it)
/// under the rows. Every coordinate of a 640-wide viewBox is written to one decimal; nothing here writes markup.
/// </summary>
internal sealed class RateChartLayout
{
    public const int Width = 640, NameRight = 160, Left = 172, Right = 620, Top = 8, RowHeight = 32, CapHalf = 7;

    public RateChartLayout(IReadOnlyList<RateRow> rows, bool percent)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var highest = rows.Select(r => r.Upper ?? r.Value ?? 0).DefaultIfEmpty(0).Max();
        var (top, step) = ChartLayout.Scale(highest, rate: true);
        Bottom = Top + (RowHeight * rows.Count);
        Height = Bottom + 52;

        var gridlines = new List<ChartLayout.Gridline>();
        for (var tick = 0m; tick <= top; tick += step)
        {
            var x = X(tick, top);
            gridlines.Add(new ChartLayout.Gridline(F(x), F(Bottom + 20), percent ? ChartLayout.Value(tick, rate: true) : tick.ToString("0.##", CultureInfo.InvariantCulture), tick == 0));
        }

        Gridlines = gridlines;
        Rows = [.. rows.Select((row, i) =>
        {
            var y = Top + (RowHeight * i) + (RowHeight / 2m);
            var bar = row is { Lower: { } lower, Upper: { } upper }
                ? new ErrorBar(F(X(lower, top)), F(X(upper, top)), F(y - CapHalf), F(y + CapHalf))
                : null;
            return new PlacedRow(row.Name, F(y), F(y + 5), row.Value is { } value ? F(X(value, top)) : null, bar, row.IsTotal, row.Instead ?? "No rate");
        })];
    }

    public int Bottom { get; }

    public int Height { get; }

    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}");

    /// <summary>The value axis' gridlines, from 0 up: <see cref="ChartLayout.Gridline.Y"/> holds the x of each, <see cref="ChartLayout.Gridline.LabelY"/> the y of its label.</summary>
    public IReadOnlyList<ChartLayout.Gridline> Gridlines { get; }

    public IReadOnlyList<PlacedRow> Rows { get; }

    public static string NameX => F(NameRight);

    public static string PlotLeft => F(Left);

    public static string PlotTop => F(Top);

    public string PlotBottom => F(Bottom);

    public static string MiddleX => F((Left + Right) / 2m);

    public string AxisTitleY => F(Height - 6);

    /// <summary>Where a row without a rate says so, just inside the plot.</summary>
    public static string NoRateX => F(Left + 6);

    private static decimal X(decimal value, decimal top) => Left + ((Right - Left) * Math.Min(value, top) / top);

    private static string F(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// One area's (or the total's) rate and interval, as the summary has them; without a rate, <paramref name="Instead"/>
    /// is what the row says (a withheld rate's words), "No rate" when null.
    /// </summary>
    public sealed record RateRow(string Name, decimal? Value, decimal? Lower, decimal? Upper, bool IsTotal, string? Instead = null);

    /// <summary>An error bar from <paramref name="X1"/> to <paramref name="X2"/>, its caps from <paramref name="CapTop"/> to <paramref name="CapBottom"/>.</summary>
    public sealed record ErrorBar(string X1, string X2, string CapTop, string CapBottom);

    /// <summary>A row placed: its name at <paramref name="LabelY"/>, its dot at (<paramref name="DotX"/>, <paramref name="Y"/>), none without a rate (<paramref name="Instead"/> said then).</summary>
    public sealed record PlacedRow(string Name, string Y, string LabelY, string? DotX, ErrorBar? Bar, bool IsTotal, string Instead);
}
