using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Core.Validation;

/// <summary>Writes reports as the contract's section 2 shows them: indented, properties in its order.</summary>
public static class ValidationReportJson
{
    // Relaxed escaping keeps the apostrophes and quotes of the messages readable ('12a' rather than \u002712a\u0027).
    // The JSON is served as application/json and stored as a file, never inlined into HTML, so that is safe.
    private static readonly ValidationReportJsonContext Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, Context.ValidationReport);
    }

    public static string Serialize(IReadOnlyList<ValidationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return JsonSerializer.Serialize(reports, Context.IReadOnlyListValidationReport);
    }
}
