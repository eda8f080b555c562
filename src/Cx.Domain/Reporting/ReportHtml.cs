using System.Text;

namespace Cx.Domain.Reporting;

/// <summary>The HTML pieces every renderer's section shares: a section with its heading, paragraphs and notes, each text
/// encoded.</summary>
internal static class ReportHtml
{
    public static void SectionStart(StringBuilder html, string title) =>
        html.Append("<section class=\"cx-report\" style=\"").Append(HtmlStyle.Section).Append("\">\n<h2 style=\"").Append(HtmlStyle.Heading).Append("\">")
            .Append(CellEscaping.Html(title)).Append("</h2>\n");

    public static void SectionEnd(StringBuilder html) => html.Append("</section>\n");

    public static void SubHeading(StringBuilder html, string text) =>
        html.Append("<h3 style=\"").Append(HtmlStyle.SubHeading).Append("\">").Append(CellEscaping.Html(text)).Append("</h3>\n");

    public static void Paragraph(StringBuilder html, string text) =>
        html.Append("<p style=\"").Append(HtmlStyle.Paragraph).Append("\">").Append(CellEscaping.Html(text)).Append("</p>\n");

    public static void Note(StringBuilder html, string text) =>
        html.Append("<p class=\"cx-note\" style=\"").Append(HtmlStyle.Note).Append("\">").Append(CellEscaping.Html(text)).Append("</p>\n");

    public static void List(StringBuilder html, IEnumerable<string> items)
    {
        html.Append("<ul style=\"").Append(HtmlStyle.Paragraph).Append("\">\n");
        foreach (string item in items)
        {
            html.Append("<li>").Append(CellEscaping.Html(item)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }
}
