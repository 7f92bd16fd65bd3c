using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Core.Ports;

namespace Pipeline.Web;

/// <summary>
/// One page of <c>GET /api/uploads</c>: a single ledger query, and when there may be more, a <c>Link</c> header
/// (RFC 8288) to the next page: this route with the request's parameters as given and its <c>continuation</c>.
/// </summary>
internal static class UploadsPage
{
    public const string ContinuationParameter = "continuation";

    public static async Task<WebResult> AnswerAsync(
        IUploadLedger ledger, HttpRequest request, string dataset, LedgerFilter filter, int limit, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        LedgerPage page;
        try
        {
            page = await ledger.ListRecentAsync(dataset, filter, limit, values.GetValueOrDefault(ContinuationParameter), cancellationToken);
        }
        catch (LedgerContinuationException e)
        {
            return WebResult.BadParameter(
                ContinuationParameter,
                $"Parameter 'continuation': {e.Message}. Follow the next link of the Link header as it is, or leave continuation out to start from the most recent upload.");
        }

        var items = page.Entries
            .Select(e => new LedgerItem(e.File, e.Sha256, e.Size, e.UploadedAt, e.ProcessedAt, e.Status, e.Quarter, e.Errors, e.Warnings, e.StoredAs, e.SentBy))
            .ToList();
        var headers = page.Continuation is { } next
            ? new Dictionary<string, string> { ["Link"] = $"<{NextTarget(request, values, next)}>; rel=\"next\"" }
            : null;
        return new WebResult(StatusCodes.Status200OK, WebResult.Json, JsonSerializer.SerializeToUtf8Bytes(items, WebJson.Relaxed.ListLedgerItem), headers);
    }

    /// <summary>
    /// The path as requested, then the request's parameters in their order, each escaped, with the new continuation in
    /// place of any old one. The function key (<c>code</c>) is not repeated in a header: the caller sends it again.
    /// </summary>
    private static string NextTarget(HttpRequest request, IReadOnlyDictionary<string, string> values, string continuation)
    {
        var parameters = QueryParameters.Pairs(request.Query)
            .Select(p => p.Key)
            .Where(name => name != ContinuationParameter)
            .Select(name => $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(values[name])}")
            .Append($"{ContinuationParameter}={continuation}");
        return $"{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}?{string.Join('&', parameters)}";
    }
}
