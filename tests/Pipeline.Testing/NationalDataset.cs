using System.Globalization;
using System.Text;
using Pipeline.Core.Calendar;

namespace Pipeline.Testing;

/// <summary>
/// A synthetic dataset at national scale: a definition (<c>national</c>, the default dataset's fields and metrics) that
/// lists <see cref="Areas"/> areas of its own, with GSS-shaped codes <c>E99000000</c>, <c>E99000001</c>… (E99 is no real
/// area type, so these can never be mistaken for real figures), and a valid return of every area for any quarter whose
/// figures are a simple function of the area and the quarter, so a test can sum them independently.
/// </summary>
public sealed class NationalDataset
{
    public const string Id = "national";

    public NationalDataset(int areas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(areas, 1);
        Areas = areas;
    }

    public int Areas { get; }

    public static string Code(int area) => string.Create(CultureInfo.InvariantCulture, $"E99{area:D6}");

    public static string Name(int area) => string.Create(CultureInfo.InvariantCulture, $"Area {area + 1}");

    /// <summary>Area <paramref name="area"/>'s offences, knife offences and positive outcomes in <paramref name="quarter"/>.</summary>
    public static (long Offences, long Knife, long Positive) Counts(int area, Quarter quarter)
    {
        var q = (quarter.Year * 4) + quarter.Number;
        var offences = 20 + (((area * 7) + (q * 13)) % 480);
        return (offences, offences % 37, (offences * 3) % 59 % (offences + 1));
    }

    /// <summary>
    /// Writes the definition into a new folder (for <c>Pipeline:Datasets:Path</c>) beside a copy of the repository's
    /// default dataset, which every deployment has, and returns the folder.
    /// </summary>
    public string WriteDefinition()
    {
        var folder = ShippedFiles.DatasetsFolderIn(Directory.CreateTempSubdirectory("national-dataset-").FullName);
        File.Copy(RepositoryRoot.Combine("datasets", "serious-youth-violence.json"), Path.Combine(folder, "serious-youth-violence.json"));
        var json = new StringBuilder();
        json.Append("""
            {
              "id": "national",
              "title": "Serious youth violence (national, synthetic)",
              "description": "Synthetic figures for every area of a national return, for scale tests only.",
              "fields": [
                { "name": "offences", "title": "Offences" },
                { "name": "knife_offences", "title": "Knife offences", "notGreaterThan": "offences", "code": "knife-exceeds-offences" },
                { "name": "positive_outcomes", "title": "Positive outcomes" }
              ],
              "metrics": [
                { "id": "offences", "count": "offences" },
                { "id": "knifeOffences", "count": "knife_offences" },
                { "id": "positiveOutcomes", "count": "positive_outcomes" },
                { "id": "positiveOutcomeRate", "rate": { "numerator": "positive_outcomes", "denominator": "offences" } }
              ],
              "areas": [
            """);
        for (var i = 0; i < Areas; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}{{\"code\":\"{Code(i)}\",\"name\":\"{Name(i)}\"}}");
        }

        json.Append("]}");
        File.WriteAllText(Path.Combine(folder, "national.json"), json.ToString());
        return folder;
    }

    /// <summary>The eight quarters of 2023 and 2024: two years to compare, for the tests that need more than a page of areas, not twenty years.</summary>
    public static IReadOnlyList<Quarter> TwoYears { get; } = [.. new[] { 2023, 2024 }.SelectMany(y => Enumerable.Range(1, 4).Select(n => new Quarter(y, n)))];

    /// <summary>
    /// Sends this dataset's return of each of <see cref="TwoYears"/> through <paramref name="app"/> (uploaded, then
    /// processed as the blob function would) and recalculates, as a deployment holding them would be.
    /// </summary>
    public async Task AcceptTwoYearsAsync(PipelineHarness app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var quarter in TwoYears)
        {
            var name = $"{Id}/{quarter}.csv";
            await app.UploadAsync(name, Return(quarter));
            if ((await app.Get<Core.Ingestion.UploadProcessor>().ProcessAsync(name))?.Status is not { } status || status != Core.Returns.UploadStatus.Accepted)
            {
                throw new InvalidOperationException($"{name} was not accepted.");
            }
        }

        await app.Get<Core.Recalculation.RecalculationService>().RecalculateAsync(force: true);
    }

    /// <summary>A valid return of every area for <paramref name="quarter"/>, in code order.</summary>
    public byte[] Return(Quarter quarter)
    {
        var csv = new StringBuilder(Areas * 40);
        csv.Append("quarter,area_code,area_name,offences,knife_offences,positive_outcomes\n");
        for (var i = 0; i < Areas; i++)
        {
            var (offences, knife, positive) = Counts(i, quarter);
            csv.Append(CultureInfo.InvariantCulture, $"{quarter},{Code(i)},{Name(i)},{offences},{knife},{positive}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>The totals of <paramref name="quarters"/>, summed here from <see cref="Counts"/>, not by the app.</summary>
    public (long Offences, long Knife, long Positive) Totals(IEnumerable<Quarter> quarters)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        long offences = 0, knife = 0, positive = 0;
        foreach (var quarter in quarters)
        {
            for (var i = 0; i < Areas; i++)
            {
                var counts = Counts(i, quarter);
                offences += counts.Offences;
                knife += counts.Knife;
                positive += counts.Positive;
            }
        }

        return (offences, knife, positive);
    }
}
