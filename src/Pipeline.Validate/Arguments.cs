namespace Pipeline.Validate;

/// <summary>The command line <c>FILE... [--json] [--name N] [--dataset D]</c>, the same as <c>pipeline validate</c>'s.</summary>
internal sealed record Arguments(IReadOnlyList<string> Files, bool Json, string Name, string? Dataset, bool Help)
{
    /// <summary>The name standard input is validated under unless <c>--name</c> gives one (as <c>pipeline validate</c>).</summary>
    public const string StandardInputName = Core.Validation.LocalValidation.StandardInputName;

    public const string Usage = """
        Usage: pipeline-validate FILE... [--json] [--name N] [--dataset D]

        Validates quarterly return files offline and prints their reports. Exit code 0: all valid; 1: any invalid; 2: usage
        or an unreadable file.

          FILE          The return files to validate (CSV, as a partner would upload them); - reads one from standard input.
          --json        Print the reports as one JSON array.
          --name N      The file name that standard input (-) is validated under (default stdin.csv).
          --dataset D   The dataset whose return the files are (default serious-youth-violence).
        """;

    /// <summary>The arguments, or the reason they are not usable.</summary>
    public static (Arguments? Arguments, string? Problem) Parse(IReadOnlyList<string> args)
    {
        var files = new List<string>();
        var json = false;
        var help = false;
        var name = StandardInputName;
        string? dataset = null;
        var onlyFiles = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyFiles || arg == "-" || !arg.StartsWith('-'))
            {
                files.Add(arg);
                continue;
            }

            switch (arg)
            {
                case "--":
                    onlyFiles = true;
                    break;
                case "--json":
                    json = true;
                    break;
                case "-h" or "--help" or "-?":
                    help = true;
                    break;
                case "--name" or "--dataset":
                    if (i + 1 >= args.Count)
                    {
                        return (null, $"Required argument missing for option: '{arg}'.");
                    }

                    if (arg == "--name")
                    {
                        name = args[++i];
                    }
                    else
                    {
                        dataset = args[++i];
                    }

                    break;
                default:
                    return (null, $"Unrecognized option '{arg}'. (For a file whose name starts with '-', write ./{arg}.)");
            }
        }

        if (files.Count == 0 && !help)
        {
            return (null, "Required argument missing for command: 'FILE'.");
        }

        return (new Arguments(files, json, name, dataset, help), null);
    }
}
