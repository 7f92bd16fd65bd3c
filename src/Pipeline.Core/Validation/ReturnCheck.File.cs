using Pipeline.Core.Datasets;

namespace Pipeline.Core.Validation;

/// <summary>The checks that need the whole file.</summary>
internal sealed partial class ReturnCheck
{
    /// <summary>The checks that need the whole file: its quarter against the name and the clock, and the areas absent.</summary>
    public void Finish(string fileName, DateTimeOffset now)
    {
        if (HeaderRow is null && !encodingFailed)
        {
            // Blank lines with no header: the one thing to say is that the file is empty.
            issues.ClearWarnings();
            issues.Error(ValidationCodes.EmptyFile, null, null, null, ValidationMessages.EmptyFile(requiredHeader));
            return;
        }

        if (quarter is { } known)
        {
            if (FileNameQuarter.FindMismatch(fileName, known) is var (token, named))
            {
                issues.Error(ValidationCodes.QuarterNameMismatch, null, null, token, ValidationMessages.QuarterNameMismatch(fileName, named, known));
            }

            if (!known.HasEndedAt(now))
            {
                issues.Error(ValidationCodes.FutureQuarter, null, FrameColumns.Quarter, known.ToString(), ValidationMessages.FutureQuarter(known));
            }
        }

        // Only when every row was read: an area in a row the parser could not read is not "missing".
        if (!rowsUnreadable && areaCodeAt >= 0 && areasSeen < areas.Count)
        {
            for (var i = 0; i < areas.Count; i++)
            {
                if (areaRows[i] == 0)
                {
                    issues.Error(ValidationCodes.MissingArea, null, FrameColumns.AreaCode, areas[i].Code, ValidationMessages.MissingArea(areas[i]));
                }
            }
        }

        if (issues.HasErrors)
        {
            DropKept();
        }
    }
}
