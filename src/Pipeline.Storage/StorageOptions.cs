using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage;

/// <summary>Container and table names. Bound from the configuration section <c>Pipeline:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Pipeline:Storage";

    /// <summary>
    /// The flat app setting naming the uploads container. The blob trigger's path reads the same setting
    /// (<c>%UploadsContainer%/{name}</c>), so the trigger and the processing cannot disagree.
    /// </summary>
    public const string UploadsSetting = "UploadsContainer";

    /// <summary>The uploads container: from <see cref="UploadsSetting"/>, never from this section.</summary>
    [Required, RegularExpression(ContainerNamePattern)]
    public string UploadsContainer { get; internal set; } = "uploads";

    [Required, RegularExpression(ContainerNamePattern)]
    public string AcceptedContainer { get; set; } = "accepted";

    [Required, RegularExpression(ContainerNamePattern)]
    public string RejectedContainer { get; set; } = "rejected";

    /// <summary>
    /// Documents too large for a table entity, each written once and pointed to by a table entity: a quarter's
    /// accepted figures (<c>figures/…</c>) and the summary documents (<c>summaries/…</c>).
    /// </summary>
    [Required, RegularExpression(ContainerNamePattern)]
    public string DocumentsContainer { get; set; } = "documents";

    [Required, RegularExpression(TableNamePattern)]
    public string AcceptedQuartersTable { get; set; } = "AcceptedQuarters";

    [Required, RegularExpression(TableNamePattern)]
    public string LedgerTable { get; set; } = "UploadLedger";

    [Required, RegularExpression(TableNamePattern)]
    public string ComparisonsTable { get; set; } = "Comparisons";

    /// <summary>The release calendar and the record of pre-release access (docs/storage.md).</summary>
    [Required, RegularExpression(TableNamePattern)]
    public string ReleasesTable { get; set; } = "Releases";

    private const string ContainerNamePattern = "^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$";
    private const string TableNamePattern = "^[A-Za-z][A-Za-z0-9]{2,62}$";
}
