using System.Text;

namespace Cx.Domain.Reporting;

/// <summary>Titles and lines of the text and Markdown renderings, escaped for their format.</summary>
internal static class ReportMarkup
{
    /// <summary>Appends a title line and a blank line: <c>## title</c> in Markdown.</summary>
    public static StringBuilder Title(StringBuilder text, string title, bool markdown, string level = "## ") =>
        text.Append(markdown ? level : string.Empty).Append(markdown ? CellEscaping.Markdown(title) : CellEscaping.Line(title)).Append("\n\n");

    /// <summary>Appends one line of text and its line end.</summary>
    public static StringBuilder Line(StringBuilder text, string line, bool markdown) =>
        text.Append(markdown ? CellEscaping.Markdown(line) : CellEscaping.Line(line)).Append('\n');
}
