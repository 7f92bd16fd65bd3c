using Pipeline.Core.Returns;

namespace Pipeline.Web.Pages;

/// <summary>A govuk-tag for an upload's outcome or a check's verdict: the words carry the meaning, the colour repeats it.</summary>
internal static class StatusTag
{
    public static void Write(HtmlWriter html, UploadStatus status)
    {
        switch (status)
        {
            case UploadStatus.Accepted:
                html.Markup("<strong class=\"govuk-tag govuk-tag--green\">Accepted</strong>");
                break;
            case UploadStatus.Duplicate:
                html.Markup("<strong class=\"govuk-tag govuk-tag--grey\">Duplicate</strong>");
                break;
            case UploadStatus.Superseded:
                html.Markup("<strong class=\"govuk-tag govuk-tag--yellow\">Superseded</strong>");
                break;
            default:
                html.Markup("<strong class=\"govuk-tag govuk-tag--red\">Rejected</strong>");
                break;
        }
    }

    public static void WriteVerdict(HtmlWriter html, bool valid)
    {
        if (valid)
        {
            html.Markup("<strong class=\"govuk-tag govuk-tag--green\">Valid</strong>");
        }
        else
        {
            html.Markup("<strong class=\"govuk-tag govuk-tag--red\">Invalid</strong>");
        }
    }
}
