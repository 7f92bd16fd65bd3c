namespace Pipeline.Cli;

/// <summary>A problem with how the CLI was called or configured: reported on stderr with exit code 2.</summary>
internal sealed class CliEnvironmentException(string message) : Exception(message);
