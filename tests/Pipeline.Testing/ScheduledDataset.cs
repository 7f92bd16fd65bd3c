using System.Globalization;
using System.Text;

namespace Pipeline.Testing;

/// <summary>
/// A third dataset made of a definition alone (issue #25's "done when"): <c>youth-diversions</c>, published in releases at
/// 09:30 London time, from a test-only folder of definitions beside the app's own two. Its returns are two areas' counts.
/// </summary>
public static class ScheduledDataset
{
    public const string Id = "youth-diversions";

    /// <summary>Settings pointing the app at a new folder holding the app's definitions and this one (or the test-only definition <paramref name="definition"/>).</summary>
    public static Dictionary<string, string?> Settings(AzuriteFixture azurite, string definition = Id)
    {
        // Laid out as a deployment: the shipped definitions name a population in populations/ beside datasets/.
        var folder = ShippedFiles.DatasetsFolderIn(Path.Combine(Path.GetTempPath(), "pipeline-scheduled-" + Guid.NewGuid().ToString("N")));
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("datasets"), "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.Copy(RepositoryRoot.Combine("tests", "Pipeline.Testing", "ScheduledDefinitions", definition + ".json"), Path.Combine(folder, definition + ".json"));
        return PipelineHarness.NewSettings(azurite, new Dictionary<string, string?> { ["Pipeline:Datasets:Path"] = folder });
    }

    /// <summary>A return of <paramref name="quarter"/>: Birmingham's and Coventry's referrals and completions.</summary>
    public static byte[] Return(string quarter, long birminghamReferrals, long birminghamCompletions, long coventryReferrals, long coventryCompletions) =>
        Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"quarter,area_code,area_name,referrals,completions\n{quarter},E08000025,Birmingham,{birminghamReferrals},{birminghamCompletions}\n{quarter},E08000026,Coventry,{coventryReferrals},{coventryCompletions}\n"));
}
