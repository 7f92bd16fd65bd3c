using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core;
using Pipeline.Core.Datasets;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;
using Pipeline.Core.Validation;
using Pipeline.Web.Access;

namespace Pipeline.Web.Pages;

/// <summary>
/// GET and POST /submit. A check runs the dataset's validator and stores nothing; a send stores the file and processes
/// it exactly as <c>PUT /api/uploads/{name}</c> does (<see cref="UploadSender.SendAsync"/>). The size limit is applied
/// from Content-Length before a byte is read, and a POST from another site is refused.
/// </summary>
public sealed class PartnerPageHandlers(UploadSender sender, ReturnValidators validators, IUploadLedger ledger, IOptions<ValidationOptions> validation, ICallers callers,
    PageRenderer pages, ILogger<PartnerPageHandlers> logger)
{
    /// <summary>What a multipart form adds around the file: boundaries, part headers, the dataset and the button.</summary>
    private const long FormOverheadBytes = 16 * 1024;

    private DatasetRegistry Datasets => validators.Datasets;

    public async Task<WebResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RefusalOf(request, out var allowed, out _) is { } refused
            ? await pages.RefusalAsync(refused)
            : await PageAsync(StatusCodes.Status200OK, await ModelAsync(allowed, allowed[0].Id, cancellationToken));
    }

    public async Task<WebResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsSameOrigin(request))
        {
            WebLog.CrossSiteFormRefused(logger, request.Path, request.Headers.Origin.ToString(), request.Headers.Referer.ToString(), request.Host.Value ?? string.Empty);
            return await pages.RefusalAsync(new(
                StatusCodes.Status403Forbidden, "This form was sent from another site", "Files can only be checked or sent from the form on this site's own page."));
        }

        if (RefusalOf(request, out var allowed, out var caller) is { } refused)
        {
            return await pages.RefusalAsync(refused);
        }

        var max = validation.Value.MaxFileBytes;
        if (request.ContentLength is not { } length)
        {
            return await ErrorAsync(allowed, StatusCodes.Status411LengthRequired, allowed[0].Id, "The form was sent without its length. Choose the file again and resend it.", cancellationToken);
        }

        if (length > max + FormOverheadBytes)
        {
            return await ErrorAsync(allowed, StatusCodes.Status413PayloadTooLarge, allowed[0].Id, TooLarge(length, max), cancellationToken);
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
            return await ErrorAsync(allowed, StatusCodes.Status400BadRequest, allowed[0].Id, "The form could not be read. Choose the file and send it again.", cancellationToken);
        }

        if (!Datasets.TryGet(form[PartnerPage.DatasetField].ToString(), out var dataset))
        {
            return await ErrorAsync(allowed, StatusCodes.Status400BadRequest, allowed[0].Id, "Select a dataset from the list.", cancellationToken);
        }

        if (!allowed.Contains(dataset))
        {
            WebLog.SubmitRoleRefused(logger, caller.Name, "check or send returns", dataset.Id, Caller.SubmitPrefix + dataset.Id);
            return await ErrorAsync(
                allowed,
                StatusCodes.Status403Forbidden,
                allowed[0].Id,
                $"You may not send returns of the dataset '{dataset.Id}': that needs the app role {Caller.SubmitPrefix}{dataset.Id}. Nothing was checked or stored. Ask an administrator to assign it to you.",
                cancellationToken);
        }

        var (note, noteField, noteProblem) = ChangeNoteFields.Read(form); // the same rule as PUT /api/uploads?reason=R&kind=K
        if (noteProblem is not null)
        {
            return await ErrorAsync(allowed, StatusCodes.Status400BadRequest, dataset.Id, $"{noteProblem} Nothing was checked or stored.", cancellationToken, note, noteField);
        }

        var file = form.Files.GetFile(PartnerPage.FileField);
        var fileName = FileNameOf(file?.FileName);
        if (file is null || fileName.Length == 0)
        {
            return await ErrorAsync(allowed, StatusCodes.Status400BadRequest, dataset.Id, "Select a CSV file.", cancellationToken, note);
        }

        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return await ErrorAsync(allowed, StatusCodes.Status400BadRequest, dataset.Id, "The selected file must be a CSV: its name ends .csv.", cancellationToken, note);
        }

        if (file.Length > max)
        {
            return await ErrorAsync(allowed, StatusCodes.Status413PayloadTooLarge, dataset.Id, TooLarge(file.Length, max), cancellationToken, note);
        }

        await using var content = file.OpenReadStream();
        if (form[PartnerPage.ActionField] != PartnerPage.SendAction)
        {
            return await CheckAsync(allowed, dataset, fileName, content, file.Length, note, cancellationToken);
        }

        var bytes = new byte[file.Length];
        await content.ReadExactlyAsync(bytes, cancellationToken);
        return await SendAsync(allowed, dataset, fileName, bytes, caller.Name!, note, cancellationToken);
    }

    private async Task<WebResult> CheckAsync(IReadOnlyList<DatasetDefinition> allowed, DatasetDefinition dataset, string fileName, Stream content, long length, ChangeNote note, CancellationToken cancellationToken)
    {
        var result = await validators.For(dataset).ValidateAsync(content, fileName, length, cancellationToken);
        var model = await ModelAsync(allowed, dataset.Id, cancellationToken) with { Checked = result.Report, Note = note };
        return await PageAsync(StatusCodes.Status200OK, model);
    }

    private async Task<WebResult> SendAsync(IReadOnlyList<DatasetDefinition> allowed, DatasetDefinition dataset, string fileName, byte[] content, string sentBy, ChangeNote note, CancellationToken cancellationToken)
    {
        // As the blob function files it: the default dataset's returns at the top of uploads, another's in its folder.
        var name = dataset.Id == Datasets.Default.Id ? fileName : $"{dataset.Id}/{fileName}";
        if (UploadNames.Problem(name) is { } refused)
        {
            return await ErrorAsync(allowed, StatusCodes.Status400BadRequest, dataset.Id, $"{refused} This file was not sent.", cancellationToken, note);
        }

        UploadSending sending;
        try
        {
            sending = await sender.SendAsync(name, content, sentBy, cancellationToken, note);
        }
        catch (UploadNameException e)
        {
            return await ErrorAsync(allowed, StatusCodes.Status400BadRequest, dataset.Id, $"The file cannot be stored under the name '{UploadNames.Visible(name)}': {e.Message} Rename the file and send it again.", cancellationToken, note);
        }

        if (sending.StillWaiting)
        {
            return await ErrorAsync(
                allowed,
                StatusCodes.Status409Conflict,
                dataset.Id,
                $"An earlier file called '{UploadNames.Visible(name)}' is still waiting to be processed, and it is never overwritten: this file was not sent. Try again in a few minutes, or rename this file.",
                cancellationToken,
                note);
        }

        var model = await ModelAsync(allowed, dataset.Id, cancellationToken);
        return sending.Outcome is { } outcome
            ? await PageAsync(StatusCodes.Status200OK, model with { Sent = outcome })
            : await PageAsync(StatusCodes.Status202Accepted, model with { SentElsewhere = name });
    }

    private async Task<WebResult> ErrorAsync(
        IReadOnlyList<DatasetDefinition> allowed, int status, string dataset, string message, CancellationToken cancellationToken, ChangeNote? note = null, string? field = null) =>
        await PageAsync(status, await ModelAsync(allowed, dataset, cancellationToken) with { Error = message, Note = note, ErrorField = field });

    private Task<WebResult> PageAsync(int status, PartnerPageModel model) => pages.PageAsync<PartnerPage, PartnerPageModel>(status, model);

    /// <summary>
    /// Null when a principal is signed in who may send at least one dataset (those, in <paramref name="allowed"/>); else
    /// what to say: sign in (401), or ask for a role (403). The request's <paramref name="caller"/> either way.
    /// </summary>
    private Refusal? RefusalOf(HttpRequest request, out IReadOnlyList<DatasetDefinition> allowed, out Caller caller)
    {
        var who = callers.Resolve(request);
        var resolved = caller = who.Caller;
        allowed = [.. Datasets.All.Where(d => resolved.MaySubmit(d.Id))];
        if (who.Problem is { } problem)
        {
            return new(StatusCodes.Status400BadRequest, "Your sign-in could not be read", $"{problem} Sign out and sign in again.", SignIn.Href, SignIn.Text);
        }

        if (!caller.IsSignedIn && !who.SignInAvailable)
        {
            return new(
                StatusCodes.Status401Unauthorized,
                "Sign-in is not turned on",
                "Partners sign in with their organisation's account to check and send returns, but sign-in is not turned on for this deployment yet. Ask its administrator to turn on Entra ID sign-in (enableEntraAuthentication).",
                "/",
                "See the published figures");
        }

        if (!caller.IsSignedIn)
        {
            return new(
                StatusCodes.Status401Unauthorized, "Sign in to send a return", "Partners sign in with their organisation's account to check and send quarterly returns.", SignIn.Href, SignIn.Text);
        }

        if (allowed.Count > 0)
        {
            return null;
        }

        WebLog.NoSubmitRole(logger, caller.Name);
        return new(
            StatusCodes.Status403Forbidden,
            "You may not send returns",
            $"You are signed in as {UploadNames.Visible(caller.Name!)}, but your account may not send any dataset's returns. Ask an administrator for the role of your dataset, for example {Caller.SubmitPrefix}{Datasets.Default.Id}.",
            "/",
            "See the published figures");
    }

    /// <summary>The form for the datasets the caller may send, and the latest outcomes of those datasets only.</summary>
    private async Task<PartnerPageModel> ModelAsync(IReadOnlyList<DatasetDefinition> allowed, string dataset, CancellationToken cancellationToken)
    {
        var latest = await ledger.LatestAsync(allowed.Select(d => d.Id), LedgerFilter.None, OutcomesTable.Rows, cancellationToken);
        return new PartnerPageModel(allowed, dataset, latest);
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

    private static (string Href, string Text) SignIn => ($"{AccessAnswers.SignInPath}?post_login_redirect_uri=/submit", "Sign in");

    private static string TooLarge(long length, long max) => ValidationMessages.FileTooLarge(length, max);
}
