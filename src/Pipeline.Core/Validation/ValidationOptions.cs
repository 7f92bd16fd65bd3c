using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Validation;

/// <summary>What a return is checked against. Bound from the configuration section <c>Pipeline:Validation</c>.</summary>
public sealed class ValidationOptions
{
    public const string SectionName = "Pipeline:Validation";

    /// <summary>The seven West Midlands community safety partnerships, used when no areas are configured.</summary>
    public static IReadOnlyList<Area> WestMidlands { get; } =
    [
        new("E08000025", "Birmingham"),
        new("E08000026", "Coventry"),
        new("E08000027", "Dudley"),
        new("E08000028", "Sandwell"),
        new("E08000029", "Solihull"),
        new("E08000030", "Walsall"),
        new("E08000031", "Wolverhampton"),
    ];

    /// <summary>
    /// The configured areas. Left null (not configured) it means <see cref="WestMidlands"/>; a configured list replaces
    /// the default entirely (binding a list onto a non-empty default would append to it instead).
    /// </summary>
#pragma warning disable CA2227 // The configuration binder sets the whole list.
    public List<Area>? Areas { get; set; }
#pragma warning restore CA2227

    /// <summary>Files larger than this are refused with <c>file-too-large</c>. Default 10 MiB; at least 1 (<see cref="ValidationOptionsValidator"/>).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Reporting stops after this many errors, with <c>truncated: true</c>. Default 100; at least 1.</summary>
    [Range(1, int.MaxValue)]
    public int MaxErrors { get; set; } = 100;

    /// <summary>The largest number a count may hold. Default 1,000,000; not below 0.</summary>
    [Range(0, long.MaxValue)]
    public long MaxValue { get; set; } = 1_000_000;

    public IReadOnlyList<Area> EffectiveAreas => Areas is { Count: > 0 } configured ? configured : WestMidlands;
}
