using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Series;

/// <summary>
/// One accepted quarter in the series: the sum of every area's counts (<see cref="Total"/>, one per field of the dataset,
/// in its order) and each area's own figures, ordered by code.
/// </summary>
public sealed record SeriesQuarter(Quarter Quarter, IReadOnlyList<long> Total, IReadOnlyList<AreaFigures> Areas);
