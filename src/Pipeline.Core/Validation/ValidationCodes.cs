namespace Pipeline.Core.Validation;

/// <summary>The stable codes of the contract's section 2. Consumers match on these; never change a value.</summary>
public static class ValidationCodes
{
    public const string UnsupportedFile = "unsupported-file";
    public const string EmptyFile = "empty-file";
    public const string EncodingError = "encoding-error";
    public const string MalformedCsv = "malformed-csv";
    public const string FileTooLarge = "file-too-large";
    public const string MissingColumn = "missing-column";
    public const string DuplicateColumn = "duplicate-column";
    public const string UnknownColumn = "unknown-column";
    public const string ExtraCell = "extra-cell";
    public const string MissingCell = "missing-cell";
    public const string TypeError = "type-error";
    public const string ConstraintError = "constraint-error";
    public const string MixedQuarters = "mixed-quarters";
    public const string QuarterNameMismatch = "quarter-name-mismatch";
    public const string FutureQuarter = "future-quarter";
    public const string UnknownArea = "unknown-area";
    public const string DuplicateArea = "duplicate-area";
    public const string MissingArea = "missing-area";
    public const string AreaNameMismatch = "area-name-mismatch";
    public const string UnsafeValue = "unsafe-value";
    public const string BlankRow = "blank-row";
}
