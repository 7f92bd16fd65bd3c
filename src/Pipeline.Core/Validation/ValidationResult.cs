using Pipeline.Core.Calendar;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Validation;

/// <summary>The report of one validation and, exactly when the report is valid, the figures the file holds.</summary>
public sealed record ValidationResult(ValidationReport Report, ValidatedReturn? Return);

/// <summary>A return that passed validation. <see cref="Areas"/> is ordered by area code (ordinal); values are trimmed.</summary>
public sealed record ValidatedReturn(Quarter Quarter, IReadOnlyList<AreaFigures> Areas);
