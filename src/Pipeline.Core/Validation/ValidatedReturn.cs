using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Validation;

/// <summary>A return that passed validation. <see cref="Areas"/> is ordered by area code (ordinal); values are trimmed.</summary>
public sealed record ValidatedReturn(Quarter Quarter, IReadOnlyList<AreaFigures> Areas);
