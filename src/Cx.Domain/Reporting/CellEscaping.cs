using System.Buffers;
using System.Net;
using System.Text;

namespace Cx.Domain.Reporting;

/// <summary>The one place where text from the data (customer, stage, touchpoint and standard names, reasons, titles) is made
/// inert for each output: Markdown, CSV, HTML and the aligned text of a terminal.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Markdown</b>: <c>|</c> is escaped as <c>\|</c> (it would end a table cell), a line break of any kind becomes a
/// space (it would end the table row or the heading), and <c>&lt;</c> becomes <c>&amp;lt;</c> (no inline HTML).</item>
/// <item><b>CSV</b>: the OWASP rule against formula injection — a text cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or CR gets a leading <c>'</c> and is quoted — then RFC 4180 quoting (a cell with a comma, a quote, CR or
/// LF is quoted and its quotes doubled). Numbers the renderers format themselves are not text cells.</item>
/// <item><b>HTML</b>: every text is encoded with <see cref="WebUtility.HtmlEncode(string?)"/> (<c>&lt; &gt; &amp; " '</c>),
/// which is safe inside elements and quoted attributes alike.</item>
/// <item><b>Text</b> (terminal tables): line breaks and tabs become spaces so a row stays one line.</item>
/// <item><b>Text and Markdown</b>: any other control character (C0, DEL, C1 — ESC and CSI start terminal escape sequences)
/// is written visibly as <c>\xHH</c>, so a name can never recolour, retitle or clear the reader's terminal.</item>
/// </list>
/// </remarks>
internal static class CellEscaping
{
    private static readonly SearchValues<char> MarkdownSpecial = SearchValues.Create("|<\u2028\u2029" + Controls());
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\u2028\u2029" + Controls());
    private static readonly SearchValues<char> CsvQuoted = SearchValues.Create(",\"\r\n");

    /// <summary>Escapes text for a Markdown table cell, heading, paragraph or list item.</summary>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(MarkdownSpecial) < 0)
        {
            return text ?? string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '|':
                    escaped.Append("\\|");
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                default:
                    AppendInert(escaped, text, i);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Keeps text on one line for an aligned terminal table: every line break becomes a space.</summary>
    public static string Line(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(LineBreaks) < 0)
        {
            return text ?? string.Empty;
        }

        var line = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            AppendInert(line, text, i);
        }

        return line.ToString();
    }

    /// <summary>Appends <c>text[i]</c> for one line of text or Markdown: a line break (CR LF once) or a tab as a space, any
    /// other control character visibly, anything else as it is.</summary>
    private static void AppendInert(StringBuilder to, string text, int i)
    {
        char c = text[i];
        switch (c)
        {
            case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                break;
            case '\r' or '\n' or '\t' or '\u0085' or '\u2028' or '\u2029':
                to.Append(' ');
                break;
            case < ' ' or (>= '\u007f' and <= '\u009f'):
                AppendVisible(to, c);
                break;
            default:
                to.Append(c);
                break;
        }
    }

    /// <summary>Every control character: C0 (U+0000 to U+001F), DEL and C1 (U+007F to U+009F).</summary>
    private static string Controls() => new([.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7f, 0x21)).Select(i => (char)i)]);

    /// <summary>Writes a control character as the visible text <c>\xHH</c> (ESC as <c>\x1b</c>).</summary>
    private static void AppendVisible(StringBuilder text, char c) =>
        text.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Encodes text for HTML content or a quoted attribute.</summary>
    public static string Html(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Tells whether a CSV text cell could be read as a formula by a spreadsheet (OWASP: <c>= + - @</c>, tab, CR).</summary>
    public static bool IsFormulaLike(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Writes a CSV text cell: formula-like text gets a leading <c>'</c> and quotes; then RFC 4180 quoting.</summary>
    public static void CsvText(StringBuilder csv, string? text)
    {
        text ??= string.Empty;
        if (IsFormulaLike(text))
        {
            csv.Append("\"'").Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            return;
        }

        CsvValue(csv, text);
    }

    /// <summary>Writes a CSV cell the renderer formatted itself (a number, a date, a name of ours): RFC 4180 quoting only.</summary>
    public static void CsvValue(StringBuilder csv, string text)
    {
        if (text.AsSpan().IndexOfAny(CsvQuoted) < 0)
        {
            csv.Append(text);
            return;
        }

        csv.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
