namespace Pipeline.Core.Ports;

/// <summary>The upload was replaced after it was validated, so its copy was refused: the copy is only ever of that version.</summary>
public sealed class UploadChangedException(string name)
    : Exception($"The upload '{name}' was replaced while it was processed; the new version is processed on its own.")
{
    public string Name { get; } = name;
}
