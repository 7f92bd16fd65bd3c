namespace Pipeline.Cli;

/// <summary>The exit codes of the contract's section 6.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The data was rejected (or, for the commands that look data up, not found).</summary>
    public const int Rejected = 1;

    /// <summary>A usage or environment error: bad arguments, an unreadable file, bad configuration. The message is on stderr.</summary>
    public const int Usage = 2;
}
