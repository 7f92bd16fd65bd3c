namespace Pipeline.Core.Datasets;

public static partial class DatasetDefinitionReader
{
    /// <summary>The largest base a rate may be given per: a rate per million people.</summary>
    public const long MaxPer = 1_000_000;

    /// <summary>
    /// Checks a <c>perPopulation</c> metric's own parts (a base from 1 to a million, a population id shaped like a dataset
    /// id) and returns the field it counts, for the caller's check that it is a field. Whether the population file exists
    /// is the registry's check, which has the files.
    /// </summary>
    private static string[] CheckPerPopulation(string metricId, DatasetPerPopulation perPopulation, List<string> problems)
    {
        if (perPopulation.Per < 1 || perPopulation.Per > MaxPer)
        {
            problems.Add($"Metric '{metricId}': 'per' is the number of people a rate is given per, a whole number from 1 to 1,000,000 such as 1000 (it is {perPopulation.Per}).");
        }

        if (perPopulation.Population is null || !DatasetId().IsMatch(perPopulation.Population))
        {
            problems.Add($"Metric '{metricId}': 'population' names a file populations/<id>.csv, an id of lower-case letters, digits and hyphens (it is '{perPopulation.Population}').");
        }

        return [perPopulation.Count];
    }
}
