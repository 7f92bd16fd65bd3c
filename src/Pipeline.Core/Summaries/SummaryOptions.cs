using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Summaries;

/// <summary>Bound from the configuration section <c>Pipeline:Summary</c>.</summary>
public sealed class SummaryOptions
{
    public const string SectionName = "Pipeline:Summary";

    /// <summary>
    /// How long a served document is reused without asking storage again (and the max-age clients are told). A recalc
    /// shows in summaries at most this long after it. 0 reads storage on every request; at most 86,400 (<see cref="SummaryOptionsValidator"/>).
    /// </summary>
    [Range(0, 86_400)]
    public int CacheSeconds { get; set; } = 60;
}
