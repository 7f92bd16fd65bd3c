using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Ports;

namespace Pipeline.Storage;

/// <summary>Keeping an upload in accepted or rejected: create-only copies and reports, and the names to try.</summary>
public sealed partial class BlobUploadStore
{
    public async Task<PreservedUpload> PreserveAsync(
        OpenedUpload upload, string sha256, Disposition disposition, string? reportJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        var container = disposition == Disposition.Accepted ? _accepted : _rejected;
        var source = Blob(_uploads, upload.Name);

        // The blob's own name first; if that name (or its report's) already holds something else, a name carrying the
        // hash, and so on: every write is create-only, so whatever is already there, a partner's file or another
        // report, is never overwritten.
        // A rejected upload's report stands beside it as <name>.report.json, so its name needs room for that too.
        foreach (var name in CandidateNames(upload.Name, sha256, reportJson is null ? 0 : ReportSuffix.Length))
        {
            string? reportName = null;
            ETag? reportWritten = null;
            if (reportJson is not null)
            {
                reportName = name + ReportSuffix;
                reportWritten = await TryWriteReportAsync(container, reportName, reportJson, sha256, cancellationToken);
                if (reportWritten is null)
                {
                    continue; // The report's name holds something that is not this upload's report.
                }
            }

            var destination = container.GetBlobClient(name);
            if (await TryCopyAsync(container, source, destination, upload, sha256, cancellationToken) ||
                await HoldsCopyAsync(destination, upload, sha256, cancellationToken))
            {
                return new PreservedUpload(container.Name, name, reportName);
            }

            if (reportWritten is { } written && written != default)
            {
                // The file's name is taken by other bytes: take back the report just written for it, and try the next name.
                await container.GetBlobClient(reportName).DeleteIfExistsAsync(
                    conditions: new BlobRequestConditions { IfMatch = written }, cancellationToken: cancellationToken);
            }
        }

        throw new UnreachableException("The last candidate name is unique to this run.");
    }

    /// <summary>
    /// The names to try for a kept copy, in order: the upload's own, then <c>stem.&lt;12 hex&gt;.csv</c>, then that with
    /// <c>-2</c>, <c>-3</c>... and at last one made unique by a fresh GUID, which nobody can have taken. Each fits the
    /// 1,024-character limit of a blob name with <paramref name="reserve"/> characters to spare (a report's suffix): the
    /// upload's own name is skipped when it has not that room, and the stem is shortened when it must be.
    /// </summary>
    internal static IEnumerable<string> CandidateNames(string name, string sha256, int reserve = 0)
    {
        if (name.Length + reserve <= MaxBlobNameLength)
        {
            yield return name;
        }

        var tag = sha256[..12];
        yield return UniqueName(name, tag, reserve);
        for (var n = 2; n <= 20; n++)
        {
            yield return UniqueName(name, string.Create(CultureInfo.InvariantCulture, $"{tag}-{n}"), reserve);
        }

        yield return UniqueName(name, $"{sha256}-{Guid.NewGuid():N}", reserve);
    }

    /// <summary><c>returns/2024-Q3.csv</c> with tag <c>ab12…</c> becomes <c>returns/2024-Q3.ab12cd34ef56.csv</c>.</summary>
    internal static string UniqueName(string name, string tag, int reserve = 0)
    {
        var slash = name.LastIndexOf('/');
        var dot = name.LastIndexOf('.');
        var (stem, extension) = dot > slash + 1 ? (name[..dot], name[dot..]) : (name, string.Empty);
        var room = MaxBlobNameLength - reserve - tag.Length - 1 - extension.Length;
        if (stem.Length > room)
        {
            stem = stem[..room];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1]; // Never split a character in two.
            }
        }

        return $"{stem}.{tag}{extension}";
    }

    /// <summary>
    /// Writes the report create-only. Returns its ETag when written now, <c>default</c> when this upload's report is
    /// already there (an earlier attempt), and null when the name holds anything else.
    /// </summary>
    private static async Task<ETag?> TryWriteReportAsync(
        BlobContainerClient container, string reportName, string reportJson, string sha256, CancellationToken cancellationToken)
    {
        var report = container.GetBlobClient(reportName);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            Metadata = new Dictionary<string, string> { [Sha256Metadata] = sha256, [KindMetadata] = ReportKind },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            var written = await BlobWrites.WhenContainerExistsAsync(
                container, () => report.UploadAsync(BinaryData.FromString(reportJson), options, cancellationToken), cancellationToken);
            return written.Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var existing = await report.GetPropertiesAsync(cancellationToken: cancellationToken);
            var metadata = existing.Value.Metadata;
            return metadata.TryGetValue(KindMetadata, out var kind) && kind == ReportKind &&
                   metadata.TryGetValue(Sha256Metadata, out var sha) && sha == sha256
                ? default(ETag)
                : null;
        }
    }

    /// <summary>
    /// Whether <paramref name="destination"/>, where a copy was refused, already holds a copy of these bytes (not a
    /// report of them). Nothing there means the refusal was the source's: the upload is no longer the version validated.
    /// </summary>
    private static async Task<bool> HoldsCopyAsync(BlobClient destination, OpenedUpload upload, string sha256, CancellationToken cancellationToken)
    {
        Response<BlobProperties> existing;
        try
        {
            existing = await destination.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new UploadChangedException(upload.Name);
        }

        var metadata = existing.Value.Metadata;
        return metadata.TryGetValue(Sha256Metadata, out var sha) && sha == sha256 && !metadata.ContainsKey(KindMetadata);
    }

    private static async Task<bool> TryCopyAsync(
        BlobContainerClient container,
        BlobClient source,
        BlobClient destination,
        OpenedUpload upload,
        string sha256,
        CancellationToken cancellationToken)
    {
        var copyOptions = new BlobCopyFromUriOptions
        {
            Metadata = new Dictionary<string, string>
            {
                [Sha256Metadata] = sha256,
                [SourceNameMetadata] = Convert.ToBase64String(Encoding.UTF8.GetBytes(upload.Name)),
                [UploadedAtMetadata] = upload.UploadedAt.ToString("O", CultureInfo.InvariantCulture),
            },
            SourceConditions = new BlobRequestConditions { IfMatch = new ETag(upload.Version) },
            DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            var copy = await BlobWrites.WhenContainerExistsAsync(
                container,
                () => destination.StartCopyFromUriAsync(source.Uri, copyOptions, cancellationToken),
                cancellationToken);
            if (!copy.HasCompleted && !CompletedAtOnce(copy.GetRawResponse()))
            {
                await copy.WaitForCompletionAsync(cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && e.ErrorCode != BlobErrorCode.SourceConditionNotMet)
        {
            return false; // The destination name is taken (or, as Azurite words it, the source changed: the caller tells).
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.SourceConditionNotMet)
        {
            throw new UploadChangedException(upload.Name);
        }
    }

    /// <summary>
    /// Whether the Copy Blob response already says the copy is done. Within one account it usually is, and the SDK's
    /// operation does not read that header: it would poll the blob's properties once to learn what storage already said.
    /// </summary>
    private static bool CompletedAtOnce(Response response) =>
        response.Headers.TryGetValue("x-ms-copy-status", out var status) &&
        string.Equals(status, "success", StringComparison.OrdinalIgnoreCase);
}
