using System.Text;

namespace Cx.Domain.Reporting;

/// <summary>A table of a report, written three ways from one model: aligned text for a terminal, a Markdown table, and an
/// HTML table with right-aligned, thousands-separated numbers.</summary>
internal sealed class ReportTable
{
    private readonly string[] _header;
    private readonly bool[] _left;
    private readonly List<Cell[]> _rows = [];

    /// <summary>Creates a table.</summary>
    /// <param name="header">The column names.</param>
    /// <param name="leftColumns">How many leading columns are left-aligned text; the rest are right-aligned numbers.</param>
    public ReportTable(string[] header, int leftColumns)
        : this(header, Enumerable.Range(0, header.Length).Select(i => i < leftColumns).ToArray())
    {
    }

    /// <summary>Creates a table with the alignment of every column (true for left-aligned text).</summary>
    public ReportTable(string[] header, bool[] left)
    {
        _header = header;
        _left = left;
    }

    /// <summary>Gets the number of rows (without the header).</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a row.</summary>
    public ReportTable Add(params Cell[] row)
    {
        if (row.Length != _header.Length)
        {
            throw new ArgumentException($"Expected {_header.Length} cells, got {row.Length}.", nameof(row));
        }

        _rows.Add(row);
        return this;
    }

    /// <summary>Appends the aligned text: columns separated by two spaces, text padded right, numbers left, no trailing
    /// spaces, LF line ends.</summary>
    public void WriteText(StringBuilder text)
    {
        string[] header = [.. _header.Select(CellEscaping.Line)];
        List<string[]> rows = [header, .. _rows.Select(r => r.Select(c => CellEscaping.Line(c.Plain)).ToArray())];
        int[] widths = new int[header.Length];
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var line = new StringBuilder();
        foreach (string[] row in rows)
        {
            line.Clear();
            for (int i = 0; i < row.Length; i++)
            {
                string cell = !_left[i] ? row[i].PadLeft(widths[i]) : i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i]);
                line.Append(i == 0 ? string.Empty : "  ").Append(cell);
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }

    /// <summary>Appends the Markdown table: every cell escaped, text columns <c>---</c>, number columns <c>---:</c>.</summary>
    public void WriteMarkdown(StringBuilder text)
    {
        text.Append("| ").Append(string.Join(" | ", _header.Select(CellEscaping.Markdown))).Append(" |\n");
        foreach (bool left in _left)
        {
            text.Append(left ? "|---" : "|---:");
        }

        text.Append("|\n");
        foreach (Cell[] row in _rows)
        {
            text.Append("| ").Append(string.Join(" | ", row.Select(c => CellEscaping.Markdown(c.Plain)))).Append(" |\n");
        }
    }

    /// <summary>Appends the HTML table: every text encoded, numbers right-aligned with thousands separators; styled inline so
    /// it reads the same in a page, a notebook or an e-mail.</summary>
    /// <param name="html">The destination.</param>
    /// <param name="caption">The caption, or null.</param>
    public void WriteHtml(StringBuilder html, string? caption = null)
    {
        html.Append("<div class=\"cx-table-wrap\" style=\"overflow-x:auto;max-width:100%\">\n<table class=\"cx-table\" style=\"").Append(HtmlStyle.Table).Append("\">");
        if (caption is not null)
        {
            html.Append("<caption style=\"").Append(HtmlStyle.Caption).Append("\">").Append(CellEscaping.Html(caption)).Append("</caption>");
        }

        html.Append("\n<thead><tr>");
        for (int i = 0; i < _header.Length; i++)
        {
            html.Append("<th scope=\"col\" style=\"").Append(_left[i] ? HtmlStyle.HeadLeft : HtmlStyle.HeadRight).Append("\">")
                .Append(CellEscaping.Html(_header[i])).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (Cell[] row in _rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                string style = row[i].Emphasis ? (_left[i] ? HtmlStyle.CellLeftStrong : HtmlStyle.CellRightStrong) : _left[i] ? HtmlStyle.CellLeft : HtmlStyle.CellRight;
                if (row[i].Wraps)
                {
                    style += HtmlStyle.Wrapping;
                }

                html.Append("<td style=\"").Append(style).Append("\">").Append(CellEscaping.Html(row[i].Display)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n</div>\n");
    }

    /// <summary>One cell: its plain text (terminal, Markdown) and its display text (HTML: thousands separators).</summary>
    /// <param name="Plain">The text of the terminal and Markdown tables.</param>
    /// <param name="Display">The text of the HTML table.</param>
    /// <param name="Emphasis">Whether the HTML shows it in bold (totals).</param>
    /// <param name="Wraps">Whether the HTML may break the cell over lines (long names and phrases in a wide table).</param>
    internal readonly record struct Cell(string Plain, string Display, bool Emphasis = false, bool Wraps = false)
    {
        /// <summary>A text cell, the same everywhere.</summary>
        public static Cell Text(string? text) => new(text ?? string.Empty, text ?? string.Empty);

        /// <summary>A count: <c>1234</c> in text, <c>1,234</c> in HTML.</summary>
        public static Cell Count(long count) => new(ReportText.Count(count), ReportText.GroupedCount(count));

        /// <summary>An amount: <c>1234.50</c> in text, <c>1,234.50</c> in HTML.</summary>
        public static Cell Amount(Assets.MeasureUnit unit, long units) => new(unit.Format(units), ReportText.Grouped(unit, units));

        /// <summary>A formatted number or word of ours, the same everywhere.</summary>
        public static Cell Value(string text) => new(text, text);

        /// <summary>The same cell, in bold in HTML.</summary>
        public Cell Strong() => this with { Emphasis = true };

        /// <summary>The same cell, allowed to break over lines in HTML (the terminal and Markdown keep one line).</summary>
        public Cell Wrapping() => this with { Wraps = true };
    }
}
