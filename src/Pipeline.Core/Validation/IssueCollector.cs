namespace Pipeline.Core.Validation;

/// <summary>
/// Collects errors and warnings up to a cap each. Warnings are capped too, so that a file of a million blank lines
/// cannot make a million warnings; whatever is dropped sets <see cref="Truncated"/>.
/// </summary>
internal sealed class IssueCollector(int cap)
{
    // Values are echoed into the report; a runaway cell (an unclosed quote swallowing the file) must not be.
    private const int MaxValueLength = 100;

    private readonly List<ValidationIssue> errors = [];
    private readonly List<ValidationIssue> warnings = [];

    public IReadOnlyList<ValidationIssue> Errors => errors;

    public IReadOnlyList<ValidationIssue> Warnings => warnings;

    public bool HasErrors => errors.Count > 0;

    public bool Truncated { get; private set; }

    public void Error(string code, int? row, string? column, string? value, string message) =>
        Add(errors, new ValidationIssue(code, row, column, Shorten(value), message));

    public void Warning(string code, int? row, string? column, string? value, string message) =>
        Add(warnings, new ValidationIssue(code, row, column, Shorten(value), message));

    public void ClearWarnings() => warnings.Clear();

    private static string? Shorten(string? value) =>
        value is { Length: > MaxValueLength } ? string.Concat(value.AsSpan(0, MaxValueLength), "…") : value;

    private void Add(List<ValidationIssue> issues, ValidationIssue issue)
    {
        if (issues.Count < cap)
        {
            issues.Add(issue);
        }
        else
        {
            Truncated = true;
        }
    }
}
