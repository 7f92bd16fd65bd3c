using Pipeline.Core.Calendar;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Returns;

/// <summary>
/// The accepted figures for one quarter of one dataset and the file they came from. <see cref="Areas"/> is ordered by
/// area code; each area's counts follow the dataset's fields. <see cref="Revision"/> is 1 for the first version of the
/// quarter ever accepted and one more for each correction accepted since. <see cref="SentBy"/> is who sent the file
/// (<see cref="UploadSenders"/>).
/// </summary>
public sealed record AcceptedQuarter(
    Quarter Quarter,
    string File,
    string Sha256,
    DateTimeOffset UploadedAt,
    DateTimeOffset AcceptedAt,
    IReadOnlyList<AreaFigures> Areas,
    string Dataset = DatasetDefinition.DefaultId,
    int Revision = 1,
    string SentBy = UploadSenders.Unknown,
    string? Reason = null,
    string? Kind = null)
{
    /// <summary>This quarter's entry in the index of accepted figures, with each field's total.</summary>
    public AcceptedQuarterRecord Record
    {
        get
        {
            var totals = new long[Areas.Count == 0 ? 0 : Areas[0].Counts.Length];
            foreach (var area in Areas)
            {
                for (var i = 0; i < totals.Length; i++)
                {
                    totals[i] += area.Counts[i];
                }
            }

            return new(Quarter, File, Sha256, UploadedAt, AcceptedAt, Areas.Count, Dataset, Revision, totals, SentBy, Reason, Kind);
        }
    }
}
