using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;
using Pipeline.Core.Validation;
using Pipeline.Web.Access;

namespace Pipeline.Web;

/// <summary>
/// The routes of returns and uploads, each for a signed-in principal with the dataset's role: check a return, send one,
/// list the ledger, read a report.
/// </summary>
public sealed class UploadHandlers(
    ReturnValidators validators,
    IUploadLedger ledger,
    UploadSender sender,
    IOptions<ValidationOptions> validation,
    ICallers callers,
    ILogger<UploadHandlers> logger)
{
    private const string NameParameter = "name";
    private const string StatusParameter = "status";
    private const string QuarterParameter = "quarter";
    private const string LimitParameter = "limit";
    private const string FileParameter = "file";
    private const string ReasonParameter = "reason";
    private const string KindParameter = "kind";
    private const string DefaultValidateName = "upload.csv";
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;
    private const string CheckAction = "check returns";
    private const string SendAction = "send returns";
    private const string ListAction = "see the uploads";

    /// <summary><c>POST /api/validate?name=N&amp;dataset=D</c>: the body's validation report; stores nothing.</summary>
    public async Task<WebResult> ValidateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AccessAnswers.SignedIn(callers.Resolve(request), CheckAction, out var caller) is { } unsigned)
        {
            return unsigned;
        }

        if (!QueryParameters.TryRead(request.Query, [NameParameter, DatasetParameter.Name], out var values, out var problem) ||
            !DatasetParameter.TryRead(validators.Datasets, values, out var dataset, out problem))
        {
            return problem!;
        }

        if (AccessAnswers.MaySubmit(caller, dataset.Id, CheckAction, logger) is { } refused)
        {
            return refused;
        }

        // A body over the limit, when its length is declared, is refused from the length alone: not a byte is read.
        var name = values.GetValueOrDefault(NameParameter, DefaultValidateName);
        var result = await validators.For(dataset).ValidateAsync(request.Body, name, request.ContentLength, cancellationToken);
        return new WebResult(StatusCodes.Status200OK, WebResult.Json, Encoding.UTF8.GetBytes(ValidationReportJson.Serialize(result.Report)));
    }

    /// <summary>
    /// <c>PUT /api/uploads/{name}</c>: stores the body in uploads under <paramref name="name"/> (never over an upload still
    /// waiting: 409) and processes exactly that upload, as the blob function would; 201 with the outcome of these very
    /// bytes. <paramref name="name"/> is the route's value; the name sent is read from the request's own path where the
    /// server gives it (<see cref="UploadPath.NameOf"/>), so that <c>%2F</c> is a folder and <c>%252F</c> a <c>%2F</c>.
    /// </summary>
    public async Task<WebResult> PutUploadAsync(HttpRequest request, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AccessAnswers.SignedIn(callers.Resolve(request), SendAction, out var caller) is { } unsigned)
        {
            return unsigned;
        }

        if (!QueryParameters.TryRead(request.Query, [ReasonParameter, KindParameter], out var values, out var problem))
        {
            return problem!;
        }

        var (reason, kind) = (values.GetValueOrDefault(ReasonParameter), values.GetValueOrDefault(KindParameter));
        if (ChangeNote.Problem(reason, kind) is { } unusable)
        {
            return WebResult.BadParameter(unusable.Parameter, unusable.Problem);
        }

        name = UploadPath.NameOf(request, name ?? string.Empty);
        if (UploadNames.Problem(name) is { } refused)
        {
            return WebResult.BadParameter(NameParameter, refused);
        }

        // The upload's dataset is its first folder, in any case (VIOLENCE-ADMISSIONS/x.csv is violence-admissions').
        if (AccessAnswers.MaySubmit(caller, validators.Datasets.ForUpload(name).Id, SendAction, logger) is { } forbidden)
        {
            return forbidden;
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
                ValidationMessages.FileTooLarge(length, validation.Value.MaxFileBytes));
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
            sending = await sender.SendAsync(name, body, caller.Name!, cancellationToken, new ChangeNote(reason?.Trim(), kind)); // The signed-in principal (or the operator) is the sender.
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

    /// <summary><c>GET /api/uploads?status=S&amp;quarter=Q&amp;limit=N&amp;dataset=D&amp;continuation=C</c>: one page of the ledger, newest upload first.</summary>
    public async Task<WebResult> ListUploadsAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AccessAnswers.SignedIn(callers.Resolve(request), ListAction, out var caller) is { } unsigned)
        {
            return unsigned;
        }

        if (!QueryParameters.TryRead(request.Query, [StatusParameter, QuarterParameter, LimitParameter, DatasetParameter.Name, UploadsPage.ContinuationParameter], out var values, out var problem) ||
            !DatasetParameter.TryRead(validators.Datasets, values, out var dataset, out problem))
        {
            return problem!;
        }

        if (AccessAnswers.MaySubmit(caller, dataset.Id, ListAction, logger) is { } forbidden)
        {
            return forbidden;
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

        return await UploadsPage.AnswerAsync(ledger, request, dataset.Id, new LedgerFilter(status, quarterText), limit, values, cancellationToken);
    }

    /// <summary><c>GET /api/uploads/report?file=F</c>: the report of the latest processing of upload F.</summary>
    public async Task<WebResult> ReportAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AccessAnswers.SignedIn(callers.Resolve(request), ListAction, out var caller) is { } unsigned)
        {
            return unsigned;
        }

        if (!QueryParameters.TryRead(request.Query, [FileParameter, DatasetParameter.Name], out var values, out var problem) ||
            !DatasetParameter.TryRead(validators.Datasets, values, out _, out problem))
        {
            return problem!;
        }

        if (!values.TryGetValue(FileParameter, out var file))
        {
            return WebResult.BadParameter(FileParameter, "Parameter 'file' is required: the upload's name as it was uploaded, folders included.");
        }

        // Decided from the name alone, before the ledger is read: a refusal says nothing of whether the file exists.
        if (AccessAnswers.MaySubmit(caller, validators.Datasets.ForUpload(file).Id, ListAction, logger) is { } forbidden)
        {
            return forbidden;
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
}
