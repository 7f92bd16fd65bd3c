using Pipeline.Core.Calendar;

namespace Pipeline.Core.Series;

/// <summary>
/// One quarter's value of a metric: a count, or a rate in percent to 2 decimals; null when there is none, or when it is
/// not published, and then <see cref="Note"/> says why (the dataset's symbol for a withheld value).
/// </summary>
public sealed record MetricPoint(Quarter Quarter, decimal? Value, string? Note = null);
