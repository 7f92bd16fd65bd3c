using System.Text.RegularExpressions;

namespace Pipeline.Infra.Tests;

/// <summary>A blob data request, as a role assignment condition sees it: the data action, the container and the blob path.</summary>
internal sealed record BlobRequest(string DataAction, string Container, string Path)
{
    public const string Blobs = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs";

    /// <summary>The data actions of Storage Blob Data Contributor (ba92f5b4-2d11-453d-a403-e96b0029c9fe).</summary>
    public static readonly string[] ContributorDataActions =
        [$"{Blobs}/read", $"{Blobs}/write", $"{Blobs}/delete", $"{Blobs}/add/action", $"{Blobs}/move/action"];
}

/// <summary>
/// Evaluates the subset of the Azure role assignment condition language (version 2.0) that the templates write:
/// parentheses, <c>!</c>, <c>AND</c>, <c>OR</c>, <c>ActionMatches{'action'}</c>, and the container name and blob path
/// resource attributes compared with <c>StringEquals</c>, <c>StringNotEquals</c> and <c>StringStartsWith</c>, all
/// case-sensitive as in Azure. Anything else is refused, and so is a chain that mixes AND and OR without parentheses,
/// which Azure requires. It proves what a condition allows; the exact text is asserted separately.
/// </summary>
internal static partial class AbacCondition
{
    private const string ContainerName = "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name]";
    private const string BlobPath = "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path]";

    public static bool Allows(string condition, BlobRequest request)
    {
        var matches = Tokens().Matches(condition);
        var unread = Tokens().Replace(condition, match => new string(' ', match.Length));
        if (!string.IsNullOrWhiteSpace(unread))
        {
            throw new FormatException($"Unreadable text at {unread.TakeWhile(char.IsWhiteSpace).Count()} of: {condition}");
        }

        var tokens = matches.Select(match => match.Value).ToList();
        var position = 0;
        var result = Chain(tokens, ref position, request);
        if (position != tokens.Count)
        {
            throw new FormatException($"Unexpected '{tokens[position]}' at token {position} of: {condition}");
        }

        return result;
    }

    private static bool Chain(List<string> tokens, ref int position, BlobRequest request)
    {
        var value = Term(tokens, ref position, request);
        string? join = null;
        while (position < tokens.Count && tokens[position] is "AND" or "OR")
        {
            if (join is not null && join != tokens[position])
            {
                throw new FormatException("AND and OR are mixed without parentheses.");
            }

            join = tokens[position++];
            var next = Term(tokens, ref position, request);
            value = join == "AND" ? value && next : value || next;
        }

        return value;
    }

    private static bool Term(List<string> tokens, ref int position, BlobRequest request)
    {
        var token = Next(tokens, ref position);
        if (token == "!")
        {
            return !Term(tokens, ref position, request);
        }

        if (token == "(")
        {
            var value = Chain(tokens, ref position, request);
            Expect(tokens, ref position, ")");
            return value;
        }

        var action = ActionMatches().Match(token);
        if (action.Success)
        {
            return string.Equals(action.Groups["action"].Value, request.DataAction, StringComparison.Ordinal);
        }

        var attribute = token switch
        {
            ContainerName => request.Container,
            BlobPath => request.Path,
            _ => throw new FormatException($"Unsupported term '{token}'."),
        };
        var comparison = Next(tokens, ref position);
        var literal = Next(tokens, ref position);
        if (literal.Length < 2 || literal[0] != '\'' || literal[^1] != '\'')
        {
            throw new FormatException($"Expected a quoted value after {comparison}, found '{literal}'.");
        }

        var expected = literal[1..^1];
        return comparison switch
        {
            "StringEquals" => string.Equals(attribute, expected, StringComparison.Ordinal),
            "StringNotEquals" => !string.Equals(attribute, expected, StringComparison.Ordinal),
            "StringStartsWith" => attribute.StartsWith(expected, StringComparison.Ordinal),
            _ => throw new FormatException($"Unsupported operator '{comparison}'."),
        };
    }

    private static string Next(List<string> tokens, ref int position) =>
        position < tokens.Count ? tokens[position++] : throw new FormatException("The condition ends too early.");

    private static void Expect(List<string> tokens, ref int position, string expected)
    {
        var token = Next(tokens, ref position);
        if (token != expected)
        {
            throw new FormatException($"Expected '{expected}', found '{token}'.");
        }
    }

    // ActionMatches{'...'}, an attribute @Source[...], a quoted value, a parenthesis, !, or a word (AND, OR, an operator).
    [GeneratedRegex(@"ActionMatches\{'[^']*'\}|@[A-Za-z]+\[[^\]]*\]|'[^']*'|[()!]|[A-Za-z:]+")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^ActionMatches\{'(?<action>[^'*]+)'\}$")]
    private static partial Regex ActionMatches();
}
