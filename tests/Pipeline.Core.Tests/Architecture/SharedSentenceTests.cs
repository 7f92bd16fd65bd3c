namespace Pipeline.Core.Tests.Architecture;

/// <summary>
/// A sentence that more than one face says (the API, the pages, the CLI, the native validator) is written once, in Core:
/// two copies drift apart, and a partner then reads two answers to one mistake.
/// </summary>
public sealed class SharedSentenceTests
{
    [Theory]
    [InlineData("over the limit of", "src/Pipeline.Core/Validation/ValidationMessages.cs")]
    [InlineData("is not an ONS GSS code", "src/Pipeline.Core/GssCode.cs")]
    [InlineData("[EWSNK][0-9]{8}", "src/Pipeline.Core/GssCode.cs")]
    [InlineData("There is no dataset '", "src/Pipeline.Core/Datasets/DatasetRegistry.cs")]
    [InlineData("is not a dataset. Use one of", "src/Pipeline.Core/Datasets/DatasetRegistry.cs")]
    [InlineData("\"stdin.csv\"", "src/Pipeline.Core/Validation/LocalValidation.cs")]
    public void A_sentence_several_faces_say_is_written_once_in_Core(string fragment, string home)
    {
        var holders = Directory.GetFiles(RepositoryRoot.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(fragment, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        Assert.Equal([home], holders);
    }
}
