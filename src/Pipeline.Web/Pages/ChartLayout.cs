using System.Globalization;
using Pipeline.Core.Calendar;
using Pipeline.Core.Series;

namespace Pipeline.Web.Pages;

/// <summary>
/// The arithmetic of a bar chart of one metric's quarters (drawn by <see cref="Chart"/>): a value axis from 0 to a round
/// top in about four round steps, one slot per quarter with a bar 70% of its width, every coordinate of a 640 x 312
/// viewBox written to one decimal. Nothing here writes markup: it gives the numbers, as text, that the SVG is made of.
/// </summary>
internal sealed class ChartLayout
{
    public const int Width = 640, Height = 312, Left = 72, Right = 628, Top = 16, Bottom = 236;

    private static readonly decimal[] Steps = [1m, 2m, 2.5m, 5m, 10m];

    public ChartLayout(IReadOnlyList<MetricPoint> points, bool rate, Func<Quarter, string> fill)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(fill);
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var (top, step) = Scale(values.Count == 0 ? 0 : values.Max(), rate);
        AxisTop = top;

        var gridlines = new List<Gridline>();
        for (var tick = 0m; tick <= top; tick += step)
        {
            var y = Y(tick, top);
            gridlines.Add(new Gridline(F(y), F(y + 5), Value(tick, rate), tick == 0));
        }

        Gridlines = gridlines;
        var slot = (Right - Left) / (decimal)points.Count;
        Slots = [.. points.Select((point, i) =>
        {
            var x = Left + (slot * i);
            var bar = point.Value is { } value
                ? new Bar(F(x + (slot * 0.15m)), F(Y(value, top)), F(slot * 0.7m), F(Bottom - Y(value, top)), fill(point.Quarter))
                : null;
            var year = point.Quarter.Number == 1 || i == 0 ? point.Quarter.Year.ToString(CultureInfo.InvariantCulture) : null;
            return new Slot(bar, F(x + (slot / 2)), $"Q{point.Quarter.Number}", year, bar is null && point.Note is { Length: <= 5 } note ? note : null);
        })];
    }

    public static string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}");

    /// <summary>Where the value axis' labels end (they are right-aligned), 8 units left of the plot.</summary>
    public static string TickLabelX => F(Left - 8);

    public static string PlotLeft => F(Left);

    public static string PlotRight => F(Right);

    /// <summary>The middle of the plot's height, where the value axis' title is centred (rotated a quarter turn).</summary>
    public static string MiddleY => F((Top + Bottom) / 2m);

    /// <summary>The middle of the plot's width, where "Quarter" is centred below the years.</summary>
    public static string MiddleX => F((Left + Right) / 2m);

    public static string QuarterY => F(Bottom + 20);

    /// <summary>Where a withheld quarter's symbol is written, just above the baseline, in place of its bar.</summary>
    public static string NoteY => F(Bottom - 8);

    public static string YearY => F(Bottom + 42);

    public static string AxisTitleY => F(Height - 4);

    /// <summary>The value at the top of the axis.</summary>
    public decimal AxisTop { get; }

    /// <summary>The value axis' gridlines, from 0 up.</summary>
    public IReadOnlyList<Gridline> Gridlines { get; }

    /// <summary>Each quarter's slot, oldest first.</summary>
    public IReadOnlyList<Slot> Slots { get; }

    /// <summary>The axis' top and step: a round step (1, 2, 2.5 or 5 times a power of ten) giving about four gridlines.</summary>
    public static (decimal Top, decimal Step) Scale(decimal max, bool rate)
    {
        if (max <= 0)
        {
            return (rate ? 10 : 4, rate ? 2.5m : 1);
        }

        var raw = (double)max / 4;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = Steps.Select(m => m * magnitude).First(s => s >= (decimal)raw);
        step = rate ? step : Math.Max(1, Math.Ceiling(step));
        return (Math.Ceiling(max / step) * step, step);
    }

    /// <summary>A value as the chart labels it: "1,523", or "12.5%".</summary>
    public static string Value(decimal value, bool rate) =>
        rate ? value.ToString("0.##", CultureInfo.InvariantCulture) + "%" : value.ToString("N0", CultureInfo.InvariantCulture);

    private static decimal Y(decimal value, decimal top) => Bottom - ((Bottom - Top) * value / top);

    private static string F(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A gridline at <paramref name="Y"/>, labelled at <paramref name="LabelY"/>; the baseline (0) is drawn in ink.</summary>
    public sealed record Gridline(string Y, string LabelY, string Label, bool Baseline);

    public sealed record Bar(string X, string Y, string Width, string Height, string Fill);

    /// <summary>
    /// A quarter's slot: its bar (none without a value), and its labels centred at <paramref name="LabelX"/>: the quarter,
    /// the year at each Q1 and at the first, and in place of a withheld bar the dataset's symbol (<paramref name="Note"/>).
    /// </summary>
    public sealed record Slot(Bar? Bar, string LabelX, string Quarter, string? Year, string? Note = null);
}
