using System.Text;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Validation;

namespace Pipeline.Core.Tests.Validation;

/// <summary>Runs the validator as the tests need it: a clock at 2026-11-26 and default options unless given.</summary>
internal static class Validate
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    public static ReturnValidator Validator(ValidationOptions? options = null, DateTimeOffset? now = null) =>
        new(options ?? new ValidationOptions(), new FakeTimeProvider(now ?? Now));

    public static Task<ValidationResult> ReturnAsync(ReturnBuilder builder, string? fileName = null, ValidationOptions? options = null, DateTimeOffset? now = null) =>
        BytesAsync(builder.BuildBytes(), fileName ?? builder.FileName, options, now);

    public static Task<ValidationResult> TextAsync(string text, string fileName = "returns/2024-Q3.csv", ValidationOptions? options = null) =>
        BytesAsync(Encoding.UTF8.GetBytes(text), fileName, options);

    public static async Task<ValidationResult> BytesAsync(byte[] bytes, string fileName = "returns/2024-Q3.csv", ValidationOptions? options = null, DateTimeOffset? now = null)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return await Validator(options, now).ValidateAsync(stream, fileName, bytes.Length);
    }

    /// <summary>The issues as (code, row, column, value): what the contract fixes, without the prose.</summary>
    public static (string Code, int? Row, string? Column, string? Value)[] Problems(IEnumerable<ValidationIssue> issues) =>
        [.. issues.Select(i => (i.Code, i.Row, i.Column, i.Value))];
}
