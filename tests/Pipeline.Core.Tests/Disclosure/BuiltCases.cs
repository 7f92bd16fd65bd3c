using Pipeline.Core.Datasets;
using Pipeline.Core.Returns;
using Pipeline.Testing.Disclosure;

namespace Pipeline.Core.Tests.Disclosure;

/// <summary>Small datasets built to tempt one kind of recovery each, and the dataset they belong to.</summary>
internal static class BuiltCases
{
    /// <summary>Two fields, <c>cases</c> and <c>severe</c> (at most <c>cases</c>), withheld 1 to 7, rounded to 5.</summary>
    public static readonly DatasetDefinition Dataset = DatasetDefinitionReader.Read(
        """
        {"id": "built", "title": "Built", "fields": [
          {"name": "cases", "title": "Cases"},
          {"name": "severe", "title": "Severe cases", "notGreaterThan": "cases"}],
         "metrics": [{"id": "cases", "count": "cases"}, {"id": "severe", "count": "severe"},
                     {"id": "severeShare", "rate": {"numerator": "severe", "denominator": "cases"}}],
         "disclosure": {"suppress": {"from": 1, "to": 7}, "roundTo": 5, "symbol": "[c]"}}
        """,
        "built.json");

    /// <summary>Every quarter from <paramref name="first"/> for <paramref name="count"/> quarters, each area's two counts from <paramref name="cell"/>.</summary>
    public static List<AcceptedQuarter> Quarters(string first, int count, string[] areas, Func<int, int, (long Cases, long Severe)> cell)
    {
        var start = Pipeline.Core.Calendar.Quarter.Parse(first);
        var rows = new List<(string, string, long[])>();
        for (var q = 0; q < count; q++)
        {
            var index = (start.Year * 4) + start.Number - 1 + q;
            var quarter = $"{index / 4:D4}-Q{(index % 4) + 1}";
            for (var a = 0; a < areas.Length; a++)
            {
                var (cases, severe) = cell(q, a);
                rows.Add((quarter, areas[a], [cases, severe]));
            }
        }

        return ProtectedDocuments.Accepted(Dataset.Id, rows);
    }

    public static readonly string[] ThreeAreas = ["E01", "E02", "E03"];

    public static readonly string[] FourAreas = ["E01", "E02", "E03", "E04"];
}
