namespace Pipeline.Core.Validation;

/// <summary>The report of one validation and, exactly when the report is valid, the figures the file holds.</summary>
public sealed record ValidationResult(ValidationReport Report, ValidatedReturn? Return);
