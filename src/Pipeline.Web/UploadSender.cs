using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Core;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Recalculation;
using Pipeline.Core.Returns;

namespace Pipeline.Web;

/// <summary>
/// Sending a file, as the PUT route (<see cref="UploadHandlers"/>) and the partner page both do: store it create-only,
/// process exactly it, and refresh the figures it changes.
/// </summary>
public sealed class UploadSender(UploadProcessor processor, FreshFigures freshFigures)
{
    /// <summary>
    /// Stores <paramref name="content"/> in uploads under <paramref name="name"/> for <paramref name="sentBy"/> unless an
    /// upload of that name is still waiting, then processes exactly that version: the PUT route and the partner page send
    /// a file the same way. The outcome is that of these bytes, checked by their sha256; never another sender's.
    /// </summary>
    /// <exception cref="UploadNameException">The name cannot be stored under.</exception>
    internal async Task<UploadSending> SendAsync(string name, byte[] content, string sentBy, CancellationToken cancellationToken, ChangeNote? note = null)
    {
        if (UploadNames.Problem(name) is { } refused)
        {
            throw new ArgumentException(refused, nameof(name)); // Each caller checks the name first, with its own answer.
        }

        using var buffer = new MemoryStream(content, writable: false);
        var version = await processor.TryCreateAsync(name, buffer, sentBy, note, cancellationToken);
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
