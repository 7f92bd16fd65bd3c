using Microsoft.AspNetCore.Http;

namespace Pipeline.Web;

/// <summary>
/// A request's query parameters, checked the same way on every route, the API's and the dashboard's: names exact, each
/// given at most once, none unknown. The function key (<c>code</c>) is the host's business and is passed over.
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

    /// <summary>Reads the known parameters; a problem (problem+json) names the first unknown, repeated or empty one.</summary>
    public static bool TryRead(IQueryCollection query, IReadOnlyCollection<string> known, out Dictionary<string, string> values, out WebResult? problem)
    {
        var read = TryRead(query, known, out values, out QueryProblem? bad);
        problem = bad is null ? null : WebResult.BadParameter(bad.Parameter, bad.Detail);
        return read;
    }

    /// <summary>
    /// Reads the known parameters; <paramref name="problem"/> names the first unknown, repeated or empty one, in words that
    /// call the reader <paramref name="route"/> ("This route takes ..."). With <paramref name="emptyIsAbsent"/>, an empty
    /// parameter is one not given (a form's "any" choice sends an empty value) instead of a problem.
    /// </summary>
    public static bool TryRead(
        IQueryCollection query, IReadOnlyCollection<string> known, out Dictionary<string, string> values, out QueryProblem? problem, string route = "This route", bool emptyIsAbsent = false)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Pairs(query))
        {
            if (!known.Contains(name))
            {
                problem = new(name, $"Unknown parameter '{name}'. {route} takes {string.Join(", ", known)}.");
                return false;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                if (emptyIsAbsent)
                {
                    continue;
                }

                problem = new(name, $"Parameter '{name}' is empty. Give it a value or leave it out.");
                return false;
            }

            if (!values.TryAdd(name, value.Trim()))
            {
                problem = new(name, $"Parameter '{name}' is given more than once. Give it once.");
                return false;
            }
        }

        problem = null;
        return true;
    }
}

/// <summary>A query parameter that cannot be used, and why, in a sentence for the reader.</summary>
internal sealed record QueryProblem(string Parameter, string Detail);
