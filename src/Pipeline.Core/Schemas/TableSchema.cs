using System.Text.Json;
using Pipeline.Core.Datasets;

namespace Pipeline.Core.Schemas;

/// <summary>
/// A Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) of a dataset's return, generated from
/// its definition, so partners can check a return with their own tools: the frame columns and every count field, each
/// required, counts whole numbers from 0 to the maximum, quarters and area codes by pattern, the area codes as an enum
/// of the areas the return must carry, and (quarter, area_code) as the primary key, so an area twice is refused. What a
/// Table Schema cannot say (every area present, one quarter per file, a field not greater than another, the file's
/// name) only Pipeline's own validation checks; the descriptions say so.
/// </summary>
public static class TableSchema
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The pattern of <c>quarter</c> (implicitly anchored, as Table Schema patterns are).</summary>
    public const string QuarterPattern = "[0-9]{4}-Q[1-4]";

    /// <summary>The pattern of an ONS GSS code: a letter for the nation and eight digits.</summary>
    public const string AreaCodePattern = GssCode.Pattern;

    /// <param name="dataset">Whose return.</param>
    /// <param name="areas">The areas its returns must carry (the definition's own, else the configured ones).</param>
    /// <param name="maxValue">The largest count a cell may hold (the configured maximum).</param>
    public static byte[] Generate(DatasetDefinition dataset, IReadOnlyList<Area> areas, long maxValue)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(areas);
        return SchemaJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("title", $"{dataset.Title}: a quarterly return");
            writer.WriteString("description", Description(dataset));
            writer.WriteStartArray("fields");
            Field(writer, FrameColumns.Quarter, "Quarter", "The calendar quarter the figures cover, written YYYY-Qn (Q1 is January to March); the same on every row.", "string", constraints =>
                constraints.WriteString("pattern", QuarterPattern));
            Field(writer, FrameColumns.AreaCode, "Area code", "The area's ONS GSS code; each area once per return.", "string", constraints =>
            {
                constraints.WriteString("pattern", AreaCodePattern);
                constraints.WriteStartArray("enum");
                foreach (var area in areas.OrderBy(a => a.Code, StringComparer.Ordinal))
                {
                    constraints.WriteStringValue(area.Code);
                }

                constraints.WriteEndArray();
            });
            Field(writer, FrameColumns.AreaName, "Area name", "The area's name; a name other than the configured one is a warning, not an error.", "string", _ => { });
            foreach (var field in dataset.Fields)
            {
                var rule = field.NotGreaterThan is { } other
                    ? $" Never more than {other} on the same row (Pipeline reports {field.ExceedsCode})."
                    : string.Empty;
                Field(writer, field.Name, field.Title, (field.Description ?? field.Title) + rule, "integer", constraints =>
                {
                    constraints.WriteNumber("minimum", 0);
                    constraints.WriteNumber("maximum", maxValue);
                });
            }

            writer.WriteEndArray();
            writer.WriteStartArray("primaryKey");
            writer.WriteStringValue(FrameColumns.Quarter);
            writer.WriteStringValue(FrameColumns.AreaCode);
            writer.WriteEndArray();
            writer.WriteStartArray("missingValues");
            writer.WriteStringValue(string.Empty);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static string Description(DatasetDefinition dataset) =>
        $"{dataset.Description ?? dataset.Title} One CSV file per quarter (UTF-8, comma separated, a header row), every area " +
        $"exactly once. Generated from the dataset definition datasets/{dataset.Id}.json. Pipeline's validation also " +
        "checks what a Table Schema cannot: every area present, one quarter per file, a quarter that has ended, and the " +
        "quarter in the file's name.";

    private static void Field(Utf8JsonWriter writer, string name, string title, string description, string type, Action<Utf8JsonWriter> constraints)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("title", title);
        writer.WriteString("description", description);
        writer.WriteString("type", type);
        if (type == "integer")
        {
            writer.WriteBoolean("bareNumber", true);
        }

        writer.WriteStartObject("constraints");
        writer.WriteBoolean("required", true);
        constraints(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
