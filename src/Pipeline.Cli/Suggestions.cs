using System.CommandLine;
using System.CommandLine.Parsing;
using Pipeline.Core.Validation;

namespace Pipeline.Cli;

/// <summary>
/// "Did you mean" for a mistyped command or option: System.CommandLine only says the token was not recognised. A
/// suggestion replaces the parser's own messages about the mistyped token and the value after it.
/// </summary>
internal static class Suggestions
{
    /// <summary>The lines to print for <paramref name="parse"/>'s errors: suggestions where a token is nearly right, else the parser's messages.</summary>
    public static IReadOnlyList<string> Messages(ParseResult parse, RootCommand root)
    {
        var command = parse.CommandResult.Command;
        if (command == root && parse.UnmatchedTokens.Count > 0 && parse.UnmatchedTokens[0] is var first && !first.StartsWith('-')
            && NearMiss.Closest(first, root.Subcommands.Select(c => c.Name)) is { } meant)
        {
            // The rest of the parser's messages follow from the mistyped command ("Required command was not provided").
            return [$"'{first}' is not a command. Did you mean '{meant}'?"];
        }

        var options = OptionNames(parse.CommandResult).ToList();
        var tokens = parse.UnmatchedTokens
            .Concat(parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens.Select(t => t.Value)))
            .ToList();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Split('=', 2)[0];
            if (token.Length > 1 && token[0] == '-' && NearMiss.Closest(token, options) is { } near && replaced.Add(tokens[i]))
            {
                lines.Add($"'{token}' is not an option of '{Path(parse.CommandResult)}'. Did you mean '{near}'?");
                if (!tokens[i].Contains('=', StringComparison.Ordinal) && i + 1 < tokens.Count && !tokens[i + 1].StartsWith('-'))
                {
                    replaced.Add(tokens[++i]); // Its value, which the parser could not place either.
                }
            }
        }

        return [.. lines, .. parse.Errors.Select(e => e.Message).Where(m => !replaced.Any(t => m.Contains($"'{t}'", StringComparison.Ordinal)))];
    }

    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        for (SymbolResult? current = result; current is CommandResult { Command: var command }; current = current.Parent)
        {
            foreach (var option in command.Options.Where(o => current == result || o.Recursive))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                {
                    yield return alias;
                }
            }
        }
    }

    private static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult { Command: var command }; current = current.Parent)
        {
            names.Insert(0, current.Parent is null ? "pipeline" : command.Name);
        }

        return string.Join(' ', names);
    }
}
