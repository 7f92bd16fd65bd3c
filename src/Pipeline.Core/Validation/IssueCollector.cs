namespace Pipeline.Core.Validation;

/// <summary>
/// Collects errors and warnings up to a cap each. Warnings are capped too, so that a file of a million blank lines
/// cannot make a million warnings; whatever is dropped is counted and sets <see cref="Truncated"/>.
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

    /// <summary>Whether any issue was dropped. Warnings that are cleared (see <see cref="ClearWarnings"/>) no longer count.</summary>
    public bool Truncated => ErrorsNotKept > 0 || WarningsNotKept > 0;

    /// <summary>Errors found past the cap, so not in <see cref="Errors"/>.</summary>
    public int ErrorsNotKept { get; private set; }

    /// <summary>Warnings found past the cap, so not in <see cref="Warnings"/>.</summary>
    public int WarningsNotKept { get; private set; }

    public void Error(string code, int? row, string? column, string? value, string message) =>
        Add(errors, code, row, column, value, message, static m => m);

    public void Warning(string code, int? row, string? column, string? value, string message) =>
        Add(warnings, code, row, column, value, message, static m => m);

    // The per-row issues take their message as a method and its arguments, formatted only if the issue is kept:
    // a file with a million bad rows formats a hundred messages, and no row allocates a closure.
    public void Error<T1>(string code, int? row, string? column, string? value, Func<T1, string> message, T1 a) =>
        Add(errors, code, row, column, value, (message, a), static s => s.message(s.a));

    public void Error<T1, T2>(string code, int? row, string? column, string? value, Func<T1, T2, string> message, T1 a, T2 b) =>
        Add(errors, code, row, column, value, (message, a, b), static s => s.message(s.a, s.b));

    public void Error<T1, T2, T3>(string code, int? row, string? column, string? value, Func<T1, T2, T3, string> message, T1 a, T2 b, T3 c) =>
        Add(errors, code, row, column, value, (message, a, b, c), static s => s.message(s.a, s.b, s.c));

    public void Error<T1, T2, T3, T4>(string code, int? row, string? column, string? value, Func<T1, T2, T3, T4, string> message, T1 a, T2 b, T3 c, T4 d) =>
        Add(errors, code, row, column, value, (message, a, b, c, d), static s => s.message(s.a, s.b, s.c, s.d));

    public void Warning<T1>(string code, int? row, string? column, string? value, Func<T1, string> message, T1 a) =>
        Add(warnings, code, row, column, value, (message, a), static s => s.message(s.a));

    public void Warning<T1, T2, T3>(string code, int? row, string? column, string? value, Func<T1, T2, T3, string> message, T1 a, T2 b, T3 c) =>
        Add(warnings, code, row, column, value, (message, a, b, c), static s => s.message(s.a, s.b, s.c));

    /// <summary>Forgets every warning, kept or not: a report that says only "empty file" is complete, not truncated.</summary>
    public void ClearWarnings()
    {
        warnings.Clear();
        WarningsNotKept = 0;
    }

    /// <summary>The first 100 characters of a long value, never cutting a surrogate pair (an emoji) in two.</summary>
    private static string? Shorten(string? value)
    {
        if (value is not { Length: > MaxValueLength })
        {
            return value;
        }

        var length = char.IsHighSurrogate(value[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
        return string.Concat(value.AsSpan(0, length), "…");
    }

    private void Add<TState>(List<ValidationIssue> issues, string code, int? row, string? column, string? value, TState state, Func<TState, string> message)
    {
        if (issues.Count < cap)
        {
            issues.Add(new ValidationIssue(code, row, column, Shorten(value), message(state)));
        }
        else if (ReferenceEquals(issues, errors))
        {
            ErrorsNotKept++;
        }
        else
        {
            WarningsNotKept++;
        }
    }
}
