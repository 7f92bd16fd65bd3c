using Microsoft.AspNetCore.Http;

namespace Pipeline.Web;

/// <summary>
/// A request's query parameters, checked the same way on every route: names exact, each given at most once, none
/// unknown. The function key (<c>code</c>) is the host's business and is passed over.
/// </summary>
internal static class QueryParameters
{
    public const string FunctionKey = "code";

    /// <summary>The parameters as pairs (a repeated one appears more than once), without the function key.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Pairs(IQueryCollection query) =>
        query.Where(p => p.Key != FunctionKey)
            .SelectMany(p => p.Value.Count == 0
                ? [new KeyValuePair<string, string?>(p.Key, null)]
                : p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));

    /// <summary>Reads the known parameters; a problem names the first unknown, repeated or empty one.</summary>
    public static bool TryRead(IQueryCollection query, IReadOnlyCollection<string> known, out Dictionary<string, string> values, out WebResult? problem)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = null;
        foreach (var (name, value) in Pairs(query))
        {
            if (!known.Contains(name))
            {
                problem = WebResult.BadParameter(name, $"Unknown parameter '{name}'. This route takes {string.Join(", ", known)}.");
                return false;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                problem = WebResult.BadParameter(name, $"Parameter '{name}' is empty. Give it a value or leave it out.");
                return false;
            }

            if (!values.TryAdd(name, value.Trim()))
            {
                problem = WebResult.BadParameter(name, $"Parameter '{name}' is given more than once. Give it once.");
                return false;
            }
        }

        return true;
    }
}
