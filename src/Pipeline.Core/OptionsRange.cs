using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core;

/// <summary>
/// The range check of one options property, worded exactly as ValidateDataAnnotations words it, but without its
/// reflection over the options type, so that Core composes under Native AOT (pipeline-validate).
/// </summary>
internal static class OptionsRange
{
    public static void Check(List<string> failures, string type, string member, object value, RangeAttribute range)
    {
        if (!range.IsValid(value))
        {
            failures.Add($"DataAnnotation validation failed for '{type}' members: '{member}' with the error: '{range.FormatErrorMessage(member)}'.");
        }
    }
}
