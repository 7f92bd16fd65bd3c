using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Pipeline.Core.Workbooks;

/// <summary>Bound from the configuration section <c>Pipeline:Spreadsheets</c>: what the spreadsheets' cover says besides the figures.</summary>
public sealed class SpreadsheetOptions
{
    public const string SectionName = "Pipeline:Spreadsheets";

    /// <summary>
    /// Who to ask about the figures, shown on every spreadsheet's cover (a team's name and email address, say); one line
    /// of at most 200 characters. Unset, the cover has no contact row: set it for any published deployment.
    /// </summary>
    [StringLength(200)]
    [RegularExpression(@"^[^\r\n\t]*\S[^\r\n\t]*$", ErrorMessage = "The field SpreadsheetOptions.Contact must be one line of text.")]
    public string? Contact { get; set; }
}

/// <summary>The rules on <see cref="SpreadsheetOptions"/>, checked by code the options source generator writes (AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class SpreadsheetOptionsValidator : IValidateOptions<SpreadsheetOptions>;
