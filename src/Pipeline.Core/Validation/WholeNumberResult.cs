namespace Pipeline.Core.Validation;

internal enum WholeNumberResult
{
    Valid,
    Blank,
    NotAWholeNumber,
    BelowZero,
    AboveMaximum,
}
