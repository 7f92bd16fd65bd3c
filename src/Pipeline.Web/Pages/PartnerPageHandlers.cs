using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Validation;

namespace Pipeline.Web.Pages;

/// <summary>
/// GET and POST /submit. A check runs the dataset's validator and stores nothing; a send stores the file and processes
/// it exactly as <c>PUT /api/uploads/{name}</c> does (<see cref="ApiHandlers.SendAsync"/>). The size limit is applied
/// from Content-Length before a byte is read, and a POST from another site is refused.
/// </summary>
public sealed class PartnerPageHandlers(ApiHandlers api, ReturnValidators validators, IUploadLedger ledger, IOptions<ValidationOptions> validation)
{
    /// <summary>What a multipart form adds around the file: boundaries, part headers, the dataset and the button.</summary>
    private const long FormOverheadBytes = 16 * 1024;

    private DatasetRegistry Datasets => validators.Datasets;

    public async Task<WebResult> GetAsync(CancellationToken cancellationToken) =>
        PageResponses.Page(StatusCodes.Status200OK, PartnerPage.Render(await ModelAsync(Datasets.Default.Id, cancellationToken)));

    public async Task<WebResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsSameOrigin(request))
        {
            return PageResponses.Refusal(
                StatusCodes.Status403Forbidden, "This form was sent from another site", "Files can only be checked or sent from the form on this site's own page.");
        }

        var max = validation.Value.MaxFileBytes;
        if (request.ContentLength is not { } length)
        {
            return await ErrorAsync(StatusCodes.Status411LengthRequired, Datasets.Default.Id, "The form was sent without its length. Choose the file again and resend it.", cancellationToken);
        }

        if (length > max + FormOverheadBytes)
        {
            return await ErrorAsync(StatusCodes.Status413PayloadTooLarge, Datasets.Default.Id, TooLarge(length, max), cancellationToken);
        }

        IFormCollection form;
        try
        {
            var options = new FormOptions { MultipartBodyLengthLimit = max + FormOverheadBytes, ValueCountLimit = 8, ValueLengthLimit = 1024 };
            form = request.HasFormContentType
                ? await new FormFeature(request, options).ReadFormAsync(cancellationToken)
                : throw new InvalidDataException("Not a form.");
        }
        catch (InvalidDataException)
        {
            return await ErrorAsync(StatusCodes.Status400BadRequest, Datasets.Default.Id, "The form could not be read. Choose the file and send it again.", cancellationToken);
        }

        if (!Datasets.TryGet(form[PartnerPage.DatasetField].ToString(), out var dataset))
        {
            return await ErrorAsync(StatusCodes.Status400BadRequest, Datasets.Default.Id, "Select a dataset from the list.", cancellationToken);
        }

        var file = form.Files.GetFile(PartnerPage.FileField);
        var fileName = FileNameOf(file?.FileName);
        if (file is null || fileName.Length == 0)
        {
            return await ErrorAsync(StatusCodes.Status400BadRequest, dataset.Id, "Select a CSV file.", cancellationToken);
        }

        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return await ErrorAsync(StatusCodes.Status400BadRequest, dataset.Id, "The selected file must be a CSV: its name ends .csv.", cancellationToken);
        }

        if (file.Length > max)
        {
            return await ErrorAsync(StatusCodes.Status413PayloadTooLarge, dataset.Id, TooLarge(file.Length, max), cancellationToken);
        }

        await using var content = file.OpenReadStream();
        if (form[PartnerPage.ActionField] != PartnerPage.SendAction)
        {
            return await CheckAsync(dataset, fileName, content, file.Length, cancellationToken);
        }

        var bytes = new byte[file.Length];
        await content.ReadExactlyAsync(bytes, cancellationToken);
        return await SendAsync(dataset, fileName, bytes, Sender.Of(request), cancellationToken);
    }

    private async Task<WebResult> CheckAsync(DatasetDefinition dataset, string fileName, Stream content, long length, CancellationToken cancellationToken)
    {
        var result = await validators.For(dataset).ValidateAsync(content, fileName, length, cancellationToken);
        var model = await ModelAsync(dataset.Id, cancellationToken) with { Checked = result.Report };
        return PageResponses.Page(StatusCodes.Status200OK, PartnerPage.Render(model));
    }

    private async Task<WebResult> SendAsync(DatasetDefinition dataset, string fileName, byte[] content, string sentBy, CancellationToken cancellationToken)
    {
        // As the blob function files it: the default dataset's returns at the top of uploads, another's in its folder.
        var name = dataset.Id == Datasets.Default.Id ? fileName : $"{dataset.Id}/{fileName}";
        if (UploadNames.Problem(name) is { } refused)
        {
            return await ErrorAsync(StatusCodes.Status400BadRequest, dataset.Id, $"{refused} This file was not sent.", cancellationToken);
        }

        UploadSending sending;
        try
        {
            sending = await api.SendAsync(name, content, sentBy, cancellationToken);
        }
        catch (UploadNameException e)
        {
            return await ErrorAsync(StatusCodes.Status400BadRequest, dataset.Id, $"The file cannot be stored under the name '{UploadNames.Visible(name)}': {e.Message} Rename the file and send it again.", cancellationToken);
        }

        if (sending.StillWaiting)
        {
            return await ErrorAsync(
                StatusCodes.Status409Conflict,
                dataset.Id,
                $"An earlier file called '{UploadNames.Visible(name)}' is still waiting to be processed, and it is never overwritten: this file was not sent. Try again in a few minutes, or rename this file.",
                cancellationToken);
        }

        var model = await ModelAsync(dataset.Id, cancellationToken);
        return sending.Outcome is { } outcome
            ? PageResponses.Page(StatusCodes.Status200OK, PartnerPage.Render(model with { Sent = outcome }))
            : PageResponses.Page(StatusCodes.Status202Accepted, PartnerPage.Render(model with { SentElsewhere = name }));
    }

    private async Task<WebResult> ErrorAsync(int status, string dataset, string message, CancellationToken cancellationToken) =>
        PageResponses.Page(status, PartnerPage.Render(await ModelAsync(dataset, cancellationToken) with { Error = message }));

    private async Task<PartnerPageModel> ModelAsync(string dataset, CancellationToken cancellationToken)
    {
        var latest = (await ledger.ListAsync(cancellationToken))
            .OrderByDescending(e => e.ProcessedAt)
            .ThenBy(e => e.File, StringComparer.Ordinal)
            .Take(OutcomesView.Rows)
            .ToList();
        return new PartnerPageModel(Datasets.All, dataset, latest);
    }

    /// <summary>
    /// Whether the POST came from a page of this site: its Origin (or, without one, its Referer) names the host the request
    /// was sent to. Browsers send Origin with every form POST, so a form on another site posting here is refused.
    /// </summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var source = request.Headers.Origin.FirstOrDefault() ?? request.Headers.Referer.FirstOrDefault();
        return Uri.TryCreate(source, UriKind.Absolute, out var uri) &&
               uri.Scheme is "http" or "https" &&
               string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The name without any folders a browser may have sent with it.</summary>
    private static string FileNameOf(string? sent) =>
        (sent ?? string.Empty)[((sent ?? string.Empty).LastIndexOfAny(['/', '\\']) + 1)..].Trim();

    private static string TooLarge(long length, long max) => string.Create(
        CultureInfo.InvariantCulture,
        $"The file is too large: {length:N0} bytes, over the limit of {max:N0} bytes. A quarterly return has one row per area and is far smaller: check that this is the right file.");
}
