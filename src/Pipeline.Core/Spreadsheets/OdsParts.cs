using System.Globalization;
using System.Xml;

namespace Pipeline.Core.Spreadsheets;

/// <summary>The package's small parts: the manifest, styles.xml and meta.xml.</summary>
internal static partial class OdsXml
{
    public static void Manifest(Stream stream)
    {
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartElement("manifest", "manifest", ManifestNs);
        xml.WriteAttributeString("manifest", "version", ManifestNs, Version);
        FileEntry(xml, "/", OdsPackage.MediaType, Version);
        foreach (var part in OdsPackage.Parts)
        {
            FileEntry(xml, part, "text/xml", null);
        }

        xml.WriteEndElement();
    }

    public static void Styles(Stream stream)
    {
        using var xml = XmlWriter.Create(stream, Settings);
        Root(xml, "document-styles");
        xml.WriteStartElement("office", "styles", Office);
        xml.WriteStartElement("style", "default-style", Style);
        xml.WriteAttributeString("style", "family", Style, "table-cell");
        xml.WriteStartElement("style", "text-properties", Style);
        xml.WriteAttributeString("fo", "font-size", Fo, "11pt");
        xml.WriteAttributeString("fo", "language", Fo, "en");
        xml.WriteAttributeString("fo", "country", Fo, "GB");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("style", "style", Style);
        xml.WriteAttributeString("style", "name", Style, "Default");
        xml.WriteAttributeString("style", "family", Style, "table-cell");
        xml.WriteEndElement();
        xml.WriteEndElement(); // office:styles

        // Printed, a sheet is A4 landscape, as wide as one page: a table of 80 quarters stays one table on paper.
        xml.WriteStartElement("office", "automatic-styles", Office);
        xml.WriteStartElement("style", "page-layout", Style);
        xml.WriteAttributeString("style", "name", Style, "pm1");
        xml.WriteStartElement("style", "page-layout-properties", Style);
        xml.WriteAttributeString("fo", "page-width", Fo, "29.7cm");
        xml.WriteAttributeString("fo", "page-height", Fo, "21cm");
        xml.WriteAttributeString("style", "print-orientation", Style, "landscape");
        xml.WriteAttributeString("style", "scale-to-X", Style, "1");
        xml.WriteAttributeString("style", "scale-to-Y", Style, "0");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("office", "master-styles", Office);
        xml.WriteStartElement("style", "master-page", Style);
        xml.WriteAttributeString("style", "name", Style, "Default");
        xml.WriteAttributeString("style", "page-layout-name", Style, "pm1");
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    public static void Meta(Stream stream, WorkbookProperties properties)
    {
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartElement("office", "document-meta", Office);
        xml.WriteAttributeString("xmlns", "meta", null, OdsXml.MetaNs);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);
        xml.WriteAttributeString("office", "version", Office, Version);
        xml.WriteStartElement("office", "meta", Office);
        xml.WriteElementString("meta", "generator", OdsXml.MetaNs, "Pipeline");
        xml.WriteElementString("dc", "title", Dc, Clean(properties.Title));
        xml.WriteElementString("dc", "description", Dc, Clean(properties.Description));
        xml.WriteElementString("dc", "language", Dc, "en-GB");
        if (properties.Created is { } created)
        {
            xml.WriteElementString("meta", "creation-date", OdsXml.MetaNs, created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        }

        xml.WriteEndDocument();
    }

    private static void FileEntry(XmlWriter xml, string path, string mediaType, string? version)
    {
        xml.WriteStartElement("manifest", "file-entry", ManifestNs);
        xml.WriteAttributeString("manifest", "full-path", ManifestNs, path);
        if (version is not null)
        {
            xml.WriteAttributeString("manifest", "version", ManifestNs, version);
        }

        xml.WriteAttributeString("manifest", "media-type", ManifestNs, mediaType);
        xml.WriteEndElement();
    }
}
