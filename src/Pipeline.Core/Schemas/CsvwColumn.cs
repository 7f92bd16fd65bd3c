using System.Text.Json;

namespace Pipeline.Core.Schemas;

/// <summary>
/// One column of a CSVW table: its name and title (the CSV header cell), a description, a datatype (an XML Schema type
/// name, or a base type with a format pattern), its unit, and whether a value is required.
/// </summary>
internal sealed record CsvwColumn(string Name, string Description, string Datatype, string? Unit, bool Required, string? Format = null)
{
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        writer.WriteString("titles", Name);
        writer.WriteString("dc:description", Description);
        if (Format is null)
        {
            writer.WriteString("datatype", Datatype);
        }
        else
        {
            writer.WriteStartObject("datatype");
            writer.WriteString("base", Datatype);
            writer.WriteString("format", Format);
            writer.WriteEndObject();
        }

        if (Unit is not null)
        {
            writer.WriteString("schema:unitText", Unit);
        }

        writer.WriteBoolean("required", Required);
        writer.WriteEndObject();
    }
}
