using System.Globalization;
using System.Text;
using System.Xml;

namespace Pipeline.Core.Spreadsheets;

/// <summary>The XML parts of the package (<see cref="OdsPackage"/>): their namespaces, styles and cells.</summary>
internal static partial class OdsXml
{
    public const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    public const string Style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    public const string Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    public const string Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    public const string Fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    public const string Number = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";
    public const string XLink = "http://www.w3.org/1999/xlink";
    public const string MetaNs = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string ManifestNs = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    public const string Version = "1.3";

    public static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = false, CloseOutput = false };

    private static readonly (string Prefix, string Uri)[] ContentNamespaces =
        [("office", Office), ("style", Style), ("text", Text), ("table", Table), ("fo", Fo), ("number", Number), ("xlink", XLink)];

    public static void StartContent(XmlWriter xml, IReadOnlyList<Sheet> sheets)
    {
        Root(xml, "document-content");
        xml.WriteStartElement("office", "automatic-styles", Office);
        foreach (var decimals in new[] { 0, 2 })
        {
            xml.WriteStartElement("number", "number-style", Number);
            xml.WriteAttributeString("style", "name", Style, $"N{decimals}");
            xml.WriteStartElement("number", "number", Number);
            xml.WriteAttributeString("number", "decimal-places", Number, decimals.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("number", "min-decimal-places", Number, decimals.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("number", "min-integer-digits", Number, "1");
            xml.WriteAttributeString("number", "grouping", Number, "true");
            xml.WriteEndElement();
            xml.WriteEndElement();
            CellStyle(xml, $"ce-n{decimals}", $"N{decimals}", bold: false, size: null, wrap: false, end: false);
        }

        CellStyle(xml, "ce-title", null, bold: true, size: "14pt", wrap: false, end: false);
        CellStyle(xml, "ce-head", null, bold: true, size: null, wrap: true, end: false);
        CellStyle(xml, "ce-wrap", null, bold: false, size: null, wrap: true, end: false);
        CellStyle(xml, "ce-short", null, bold: false, size: null, wrap: false, end: true); // A shorthand lines up with the numbers.
        foreach (var width in Widths(sheets))
        {
            xml.WriteStartElement("style", "style", Style);
            xml.WriteAttributeString("style", "name", Style, ColumnStyle(width));
            xml.WriteAttributeString("style", "family", Style, "table-column");
            xml.WriteStartElement("style", "table-column-properties", Style);
            xml.WriteAttributeString("style", "column-width", Style, Cm(width));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("office", "body", Office);
        xml.WriteStartElement("office", "spreadsheet", Office);
    }

    public static void StartSheet(XmlWriter xml, Sheet sheet)
    {
        xml.WriteStartElement("table", "table", Table);
        xml.WriteAttributeString("table", "name", Table, sheet.Name);
        foreach (var column in sheet.Columns)
        {
            xml.WriteStartElement("table", "table-column", Table);
            xml.WriteAttributeString("table", "style-name", Table, ColumnStyle(column.WidthCm));
            xml.WriteEndElement();
        }

        xml.WriteStartElement("table", "table-row", Table);
        StringCell(xml, sheet.Title, "ce-title");
        xml.WriteEndElement();
        if (sheet.HasHeader)
        {
            xml.WriteStartElement("table", "table-row", Table);
            foreach (var column in sheet.Columns)
            {
                StringCell(xml, column.Header!, "ce-head");
            }

            xml.WriteEndElement();
        }
    }

    public static void Row(XmlWriter xml, Sheet sheet, IReadOnlyList<Cell> row)
    {
        if (row.Count != sheet.Columns.Count)
        {
            throw new ArgumentException($"A row of sheet '{sheet.Name}' has {row.Count} cells for {sheet.Columns.Count} columns.", nameof(row));
        }

        xml.WriteStartElement("table", "table-row", Table);
        for (var column = 0; column < row.Count; column++)
        {
            var cell = row[column];
            switch (cell.Kind)
            {
                case CellKind.Number:
                    xml.WriteStartElement("table", "table-cell", Table);
                    xml.WriteAttributeString("table", "style-name", Table, $"ce-n{cell.Decimals}");
                    xml.WriteAttributeString("office", "value-type", Office, "float");
                    xml.WriteAttributeString("office", "value", Office, cell.Number.ToString(CultureInfo.InvariantCulture));
                    xml.WriteElementString("text", "p", Text, cell.Text);
                    xml.WriteEndElement();
                    break;
                case CellKind.Link:
                    xml.WriteStartElement("table", "table-cell", Table);
                    xml.WriteAttributeString("office", "value-type", Office, "string");
                    xml.WriteStartElement("text", "p", Text);
                    xml.WriteStartElement("text", "a", Text);
                    xml.WriteAttributeString("xlink", "type", XLink, "simple");
                    xml.WriteAttributeString("xlink", "href", XLink, $"#{cell.Text}.A1");
                    xml.WriteString(Clean(cell.Text));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
                default:
                    if (cell.Text is null)
                    {
                        throw new ArgumentException($"A row of sheet '{sheet.Name}' has a blank cell.", nameof(row));
                    }

                    StringCell(xml, cell.Text, cell.Kind == CellKind.Shorthand ? "ce-short" : sheet.Columns[column].Wrap ? "ce-wrap" : null);
                    break;
            }
        }

        xml.WriteEndElement();
    }

    public static void EndContent(XmlWriter xml) => xml.WriteEndDocument();

    /// <summary>
    /// The text with any character XML cannot carry (a control character a partner's file let through) shown as U+FFFD:
    /// the writer escapes &lt;, &amp; and quotes itself.
    /// </summary>
    internal static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i++, 2);
            }
            else
            {
                clean.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return clean.ToString();
    }

    private static void Root(XmlWriter xml, string name)
    {
        xml.WriteStartElement("office", name, Office);
        foreach (var (prefix, uri) in ContentNamespaces)
        {
            xml.WriteAttributeString("xmlns", prefix, null, uri);
        }

        xml.WriteAttributeString("office", "version", Office, Version);
    }

    private static void StringCell(XmlWriter xml, string text, string? style)
    {
        xml.WriteStartElement("table", "table-cell", Table);
        if (style is not null)
        {
            xml.WriteAttributeString("table", "style-name", Table, style);
        }

        xml.WriteAttributeString("office", "value-type", Office, "string");
        xml.WriteElementString("text", "p", Text, Clean(text));
        xml.WriteEndElement();
    }

    private static void CellStyle(XmlWriter xml, string name, string? dataStyle, bool bold, string? size, bool wrap, bool end)
    {
        xml.WriteStartElement("style", "style", Style);
        xml.WriteAttributeString("style", "name", Style, name);
        xml.WriteAttributeString("style", "family", Style, "table-cell");
        xml.WriteAttributeString("style", "parent-style-name", Style, "Default");
        if (dataStyle is not null)
        {
            xml.WriteAttributeString("style", "data-style-name", Style, dataStyle);
        }

        if (bold)
        {
            xml.WriteStartElement("style", "text-properties", Style);
            xml.WriteAttributeString("fo", "font-weight", Fo, "bold");
            if (size is not null)
            {
                xml.WriteAttributeString("fo", "font-size", Fo, size);
            }

            xml.WriteEndElement();
        }

        if (wrap)
        {
            xml.WriteStartElement("style", "table-cell-properties", Style);
            xml.WriteAttributeString("fo", "wrap-option", Fo, "wrap");
            xml.WriteAttributeString("style", "vertical-align", Style, "top");
            xml.WriteEndElement();
        }

        if (end)
        {
            xml.WriteStartElement("style", "paragraph-properties", Style);
            xml.WriteAttributeString("fo", "text-align", Fo, "end");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static IEnumerable<double> Widths(IReadOnlyList<Sheet> sheets) => sheets.SelectMany(s => s.Columns).Select(c => c.WidthCm).Distinct().Order();

    private static string ColumnStyle(double width) => "co" + Math.Round(width * 100).ToString(CultureInfo.InvariantCulture);

    private static string Cm(double width) => width.ToString("0.00", CultureInfo.InvariantCulture) + "cm";
}
