using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Calendar;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Validation;
using Pipeline.Core.Returns;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>
/// The processor hands the validator the length storage reports, so an upload over the size limit is refused before a
/// byte of its body is parsed; its hash is then streamed from a second, plain read.
/// </summary>
public sealed class KnownLengthTests
{
    [Fact]
    public async Task An_oversize_upload_is_refused_without_its_body_being_parsed()
    {
        var bytes = ReturnBuilder.ForQuarter("2024-Q3").BuildBytes();
        var uploads = new OneUpload("big/2024-Q3.csv", bytes);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        var validators = new ReturnValidators(Core.Datasets.DatasetRegistry.BuiltIn, Options.Create(new ValidationOptions { MaxFileBytes = 100 }), clock);
        var processor = new UploadProcessor(uploads, new NoQuarters(), new ListLedger(), new NoFaults(), validators, clock, NullLogger<UploadProcessor>.Instance);

        var outcome = await processor.ProcessAsync("big/2024-Q3.csv");

        Assert.Equal(UploadStatus.Rejected, outcome!.Status);
        Assert.Equal("file-too-large", Assert.Single(outcome.Report.Errors).Code);
        Assert.Equal([0L, bytes.Length], uploads.BytesReadPerOpening);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), outcome.Sha256);
    }

    /// <summary>Remembers how far it was read (its position when disposed; it is never seeked).</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public long BytesRead { get; private set; }

        protected override void Dispose(bool disposing)
        {
            BytesRead = Position;
            base.Dispose(disposing);
        }
    }

    private sealed class OneUpload(string name, byte[] bytes) : IUploadStore
    {
        private readonly List<CountingStream> openings = [];
        private bool deleted;

        public IReadOnlyList<long> BytesReadPerOpening => [.. openings.Select(o => o.BytesRead)];

        public async IAsyncEnumerable<WaitingUpload> ListPendingAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            if (!deleted)
            {
                yield return new WaitingUpload(name, DateTimeOffset.UnixEpoch);
            }
        }

        public Task<string?> TryCreateAsync(string name, Stream content, Pipeline.Core.Returns.ChangeNote? note = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<OpenedUpload?> OpenAsync(string requested, string? version = null, CancellationToken cancellationToken = default)
        {
            if (deleted || requested != name)
            {
                return Task.FromResult<OpenedUpload?>(null);
            }

            var stream = new CountingStream(bytes);
            openings.Add(stream);
            return Task.FromResult<OpenedUpload?>(new OpenedUpload(name, stream, bytes.Length, DateTimeOffset.UnixEpoch, "v1"));
        }

        public Task<PreservedUpload> PreserveAsync(OpenedUpload upload, string sha256, Disposition disposition, string? reportJson, CancellationToken cancellationToken = default) =>
            Task.FromResult(new PreservedUpload(disposition.ToString(), upload.Name, reportJson is null ? null : upload.Name + ".report.json"));

        public Task<string?> ReadReportAsync(string storedAs, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<UploadRemoval> DeleteAsync(OpenedUpload upload, CancellationToken cancellationToken = default)
        {
            deleted = true;
            return Task.FromResult(UploadRemoval.Removed);
        }
    }

    private sealed class NoQuarters : IAcceptedQuarterStore
    {
        public Task<AcceptedQuarterVersion?> GetAsync(string dataset, Quarter quarter, CancellationToken cancellationToken = default) => Task.FromResult<AcceptedQuarterVersion?>(null);

        public Task<bool> TryReplaceAsync(Returns.AcceptedQuarter next, AcceptedQuarterVersion? expected, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Returns.AcceptedQuarterRecord>> ListAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Returns.QuarterRevision>> ListRevisionsAsync(string dataset, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Returns.AcceptedQuarter> ReadAsync(Returns.AcceptedQuarterRecord record, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class NoFaults : IStorageFaults
    {
        public bool IsUnreachable(Exception exception) => false;
    }

    private sealed class ListLedger : IUploadLedger
    {
        private readonly List<LedgerEntry> entries = [];

        public Task RecordAsync(LedgerEntry entry, CancellationToken cancellationToken = default)
        {
            entries.Add(entry);
            return Task.CompletedTask;
        }

        public Task<LedgerEntry?> FindAsync(string file, string version, CancellationToken cancellationToken = default) =>
            Task.FromResult(entries.LastOrDefault(e => e.File == file && e.Version == version));

        public Task<IReadOnlyList<LedgerEntry>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<LedgerEntry>>(entries);

        public Task<IReadOnlyList<LedgerEntry>> ListForFileAsync(string file, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<LedgerEntry>>([.. entries.Where(e => e.File == file)]);

        public Task<LedgerPage> ListRecentAsync(string dataset, LedgerFilter filter, int limit, string? continuation, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task RecordSentAsync(string file, string version, string sentBy, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<string?> FindSenderAsync(string file, string version, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
