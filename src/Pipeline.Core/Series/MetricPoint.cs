using Pipeline.Core.Calendar;

namespace Pipeline.Core.Series;

/// <summary>One quarter's value of a metric: a count, or a rate in percent to 2 decimals; null when there is none.</summary>
public sealed record MetricPoint(Quarter Quarter, decimal? Value);
