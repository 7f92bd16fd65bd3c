namespace Pipeline.Core.Validation;

/// <summary>What validating local files came to; each face maps it to its exit code.</summary>
public enum LocalValidationOutcome
{
    /// <summary>Every file was read and is valid.</summary>
    Valid,

    /// <summary>Every file was read, and at least one is invalid.</summary>
    Invalid,

    /// <summary>At least one file could not be read (an environment problem, which outranks an invalid file).</summary>
    Unreadable,
}
