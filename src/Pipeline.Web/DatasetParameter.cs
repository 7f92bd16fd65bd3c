using Pipeline.Core.Datasets;

namespace Pipeline.Web;

/// <summary>The <c>dataset</c> query parameter, read alike by every route that takes it: left out, it is the default dataset.</summary>
internal static class DatasetParameter
{
    public const string Name = "dataset";

    /// <summary>The dataset <paramref name="values"/> names, or the default one; else a 400 problem naming the parameter.</summary>
    public static bool TryRead(DatasetRegistry datasets, Dictionary<string, string> values, out DatasetDefinition dataset, out WebResult? problem)
    {
        problem = null;
        var id = values.GetValueOrDefault(Name);
        if (datasets.TryGet(id ?? DatasetDefinition.DefaultId, out dataset))
        {
            return true;
        }

        problem = WebResult.BadParameter(Name, datasets.UnknownDatasetParameter(id));
        return false;
    }
}
