using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>The <c>FILE...</c> argument of <c>validate</c> and <c>ingest</c>.</summary>
internal static class FileArgument
{
    public static Argument<string[]> Create(string description)
    {
        var files = new Argument<string[]>("FILE") { Description = description, Arity = ArgumentArity.OneOrMore };

        // System.CommandLine hands an unknown option such as --jsn to the FILE argument; say what it is instead.
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                result.AddError($"Unrecognized option '{token.Value}'. (For a file whose name starts with '-', write ./{token.Value}.)");
            }
        });
        return files;
    }
}
