namespace Pipeline.Core.Datasets;

/// <summary>A dataset definition that cannot be used, with the file and the problem in its message.</summary>
public sealed class DatasetDefinitionException(string message) : Exception(message);
