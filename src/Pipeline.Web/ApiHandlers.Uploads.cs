using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;

namespace Pipeline.Web;

/// <summary>The upload routes: send a return, list the ledger, read a report.</summary>
public sealed partial class ApiHandlers
{
    private const string StatusParameter = "status";
    private const string QuarterParameter = "quarter";
    private const string LimitParameter = "limit";
    private const string FileParameter = "file";
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>
    /// <c>PUT /api/uploads/{name}</c>: stores the body in uploads under <paramref name="name"/> (never over an upload still
    /// waiting: 409) and processes exactly that upload, as the blob function would; 201 with the outcome of these very
    /// bytes. <paramref name="name"/> is the route's value; the name sent is read from the request's own path where the
    /// server gives it (<see cref="UploadPath.NameOf"/>), so that <c>%2F</c> is a folder and <c>%252F</c> a <c>%2F</c>.
    /// </summary>
    public async Task<WebResult> PutUploadAsync(HttpRequest request, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryParameters.TryRead(request.Query, [], out _, out var problem))
        {
            return problem!;
        }

        name = UploadPath.NameOf(request, name ?? string.Empty);
        if (UploadNames.Problem(name) is { } refused)
        {
            return WebResult.BadParameter(NameParameter, refused);
        }

        // Decided from the declared length before a byte is read: storage is never asked to hold an oversize body.
        if (request.ContentLength is not { } length)
        {
            return WebResult.Problem(StatusCodes.Status411LengthRequired, "Length Required", "Send the return with a Content-Length header.");
        }

        if (length > validation.Value.MaxFileBytes)
        {
            return WebResult.Problem(
                StatusCodes.Status413PayloadTooLarge,
                "Content Too Large",
                string.Create(CultureInfo.InvariantCulture, $"The file is {length:N0} bytes, over the limit of {validation.Value.MaxFileBytes:N0} bytes. A quarterly return has one row per area and is far smaller: check that this is the right file."));
        }

        // The body into a buffer this request owns, so that what is stored, and what the outcome describes, is exactly
        // these bytes (UploadSending checks the outcome's sha256 against them).
        var body = new byte[length];
        try
        {
            await request.Body.ReadExactlyAsync(body, cancellationToken);
        }
        catch (Exception e) when (e is EndOfStreamException or BadHttpRequestException or IOException)
        {
            return WebResult.Problem(
                StatusCodes.Status400BadRequest,
                "Bad Request",
                string.Create(CultureInfo.InvariantCulture, $"The body ended before the {length:N0} bytes its Content-Length declared: nothing was stored. Send the whole file again."));
        }

        UploadSending sending;
        try
        {
            sending = await SendAsync(name, body, Sender.Of(request), cancellationToken);
        }
        catch (UploadNameException e)
        {
            return WebResult.BadParameter(NameParameter, e.Message);
        }

        if (sending.StillWaiting)
        {
            return WebResult.Problem(
                StatusCodes.Status409Conflict,
                "Conflict",
                $"'{UploadNames.Visible(name)}' is still waiting in uploads (an earlier upload of that name has not been processed yet), and it is never overwritten: nothing of this request was stored. Try again once it is processed.",
                NameParameter);
        }

        var outcome = sending.Outcome;
        return outcome is null
            ? WebResult.Problem(StatusCodes.Status202Accepted, "Accepted", $"'{UploadNames.Visible(name)}' was stored and is being processed by another run; see GET /api/uploads/report?file={Uri.EscapeDataString(name)}.")
            : new WebResult(StatusCodes.Status201Created, WebResult.Json, JsonSerializer.SerializeToUtf8Bytes(outcome, WebJson.Relaxed.UploadOutcome));
    }

    /// <summary><c>GET /api/uploads?status=S&amp;quarter=Q&amp;limit=N&amp;dataset=D</c>: the ledger, newest processing first.</summary>
    public async Task<WebResult> ListUploadsAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryParameters.TryRead(request.Query, [StatusParameter, QuarterParameter, LimitParameter, DatasetParameter], out var values, out var problem) ||
            !TryDataset(values, out var dataset, out problem))
        {
            return problem!;
        }

        UploadStatus? status = null;
        if (values.TryGetValue(StatusParameter, out var statusText))
        {
            if (!UploadStatusNames.TryParse(statusText, out var parsed))
            {
                return WebResult.BadParameter(StatusParameter, $"Parameter 'status': '{statusText}' is not an outcome. Use accepted, duplicate, superseded or rejected.");
            }

            status = parsed;
        }

        if (values.TryGetValue(QuarterParameter, out var quarterText) && !Quarter.TryParse(quarterText, out _))
        {
            return WebResult.BadParameter(QuarterParameter, $"Parameter 'quarter': '{quarterText}' is not a quarter. Write it as YYYY-Qn, e.g. 2024-Q3.");
        }

        var limit = DefaultLimit;
        if (values.TryGetValue(LimitParameter, out var limitText) &&
            (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return WebResult.BadParameter(LimitParameter, $"Parameter 'limit': '{limitText}' is not a whole number from 1 to {MaxLimit}.");
        }

        var entries = (await ledger.ListAsync(cancellationToken))
            .Where(e => validators.Datasets.ForUpload(e.File).Id == dataset.Id)
            .Where(e => status is null || e.Status == status)
            .Where(e => quarterText is null || e.Quarter == quarterText)
            .OrderByDescending(e => e.ProcessedAt)
            .ThenBy(e => e.File, StringComparer.Ordinal)
            .Take(limit)
            .Select(e => new LedgerItem(e.File, e.Sha256, e.Size, e.UploadedAt, e.ProcessedAt, e.Status, e.Quarter, e.Errors, e.Warnings, e.StoredAs, e.SentBy))
            .ToList();
        return new WebResult(StatusCodes.Status200OK, WebResult.Json, JsonSerializer.SerializeToUtf8Bytes(entries, WebJson.Relaxed.ListLedgerItem));
    }

    /// <summary><c>GET /api/uploads/report?file=F</c>: the report of the latest processing of upload F.</summary>
    public async Task<WebResult> ReportAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!QueryParameters.TryRead(request.Query, [FileParameter, DatasetParameter], out var values, out var problem) ||
            !TryDataset(values, out _, out problem))
        {
            return problem!;
        }

        if (!values.TryGetValue(FileParameter, out var file))
        {
            return WebResult.BadParameter(FileParameter, "Parameter 'file' is required: the upload's name as it was uploaded, folders included.");
        }

        var latest = (await ledger.ListForFileAsync(file, cancellationToken)).MaxBy(e => e.ProcessedAt);
        if (latest?.ReportJson is not { } report)
        {
            return WebResult.Problem(
                StatusCodes.Status404NotFound,
                "Not Found",
                latest is null ? $"'{file}' was never processed." : $"The report of '{file}' is not kept in the ledger (it was processed before reports were kept there).",
                FileParameter);
        }

        return new WebResult(StatusCodes.Status200OK, WebResult.Json, Encoding.UTF8.GetBytes(report));
    }

    /// <summary>
    /// Stores <paramref name="content"/> in uploads under <paramref name="name"/> for <paramref name="sentBy"/> unless an
    /// upload of that name is still waiting, then processes exactly that version: the PUT route and the partner page send
    /// a file the same way. The outcome is that of these bytes, checked by their sha256; never another sender's.
    /// </summary>
    /// <exception cref="UploadNameException">The name cannot be stored under.</exception>
    internal async Task<UploadSending> SendAsync(string name, byte[] content, string sentBy, CancellationToken cancellationToken)
    {
        if (UploadNames.Problem(name) is { } refused)
        {
            throw new ArgumentException(refused, nameof(name)); // Each caller checks the name first, with its own answer.
        }

        using var buffer = new MemoryStream(content, writable: false);
        var version = await processor.TryCreateAsync(name, buffer, sentBy, cancellationToken);
        if (version is null)
        {
            return new UploadSending(StillWaiting: true, Outcome: null);
        }

        var outcome = await processor.ProcessAsync(name, version, sentBy, cancellationToken) ?? await ProcessedElsewhereAsync(name, version, cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        if (outcome is not null && outcome.Sha256 != sha256)
        {
            // The version this request created holds other bytes: storage broke the create-only promise. Never report
            // another sender's outcome as this one's.
            throw new InvalidOperationException($"The upload '{UploadNames.Visible(name)}' (version {version}) was processed as {outcome.Sha256}, not as the {sha256} sent.");
        }

        if (outcome is not null)
        {
            await freshFigures.RefreshAsync([outcome], cancellationToken); // the summaries show an accepted upload at once
        }

        return new UploadSending(StillWaiting: false, outcome);
    }

    /// <summary>The outcome of this version as the run that got to it first recorded it, with its stored report.</summary>
    private async Task<UploadOutcome?> ProcessedElsewhereAsync(string name, string version, CancellationToken cancellationToken)
    {
        if (await processor.FindOutcomeAsync(name, version, cancellationToken) is not { ReportJson: { } json } entry)
        {
            return null;
        }

        var report = JsonSerializer.Deserialize(json, WebJson.Relaxed.ValidationReport)!;
        return new UploadOutcome(entry.File, entry.Status, entry.Quarter, entry.StoredAs, entry.Sha256, report, entry.SentBy);
    }
}
