using Pipeline.Core.Datasets;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ports;
using Pipeline.Core.Returns;
using Pipeline.Core.Validation;

namespace Pipeline.Web.Pages;

/// <summary>
/// What the partner page shows: the form (datasets, the one chosen), at most one of an error, a checked file's report
/// or a sent file's outcome, and the latest outcomes from the ledger.
/// </summary>
public sealed record PartnerPageModel(IReadOnlyList<DatasetDefinition> Datasets, string SelectedDataset, IReadOnlyList<LedgerEntry> Latest)
{
    /// <summary>What is wrong with the request, shown in an error summary linking to the file input.</summary>
    public string? Error { get; init; }

    /// <summary>The field <see cref="Error"/> is about: null for the file, else <see cref="ChangeNoteFields.ReasonField"/> or <see cref="ChangeNoteFields.KindField"/>.</summary>
    public string? ErrorField { get; init; }

    /// <summary>The reason and kind of change as last entered, shown again in their fields (not after a file is sent).</summary>
    public ChangeNote? Note { get; init; }

    /// <summary>The report of a file checked and not stored.</summary>
    public ValidationReport? Checked { get; init; }

    /// <summary>The outcome of a file sent, stored and processed.</summary>
    public UploadOutcome? Sent { get; init; }

    /// <summary>A file stored whose processing another run has taken on: its name, to look for in the latest outcomes.</summary>
    public string? SentElsewhere { get; init; }
}
