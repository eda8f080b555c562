namespace Cx.Domain.Reporting;

/// <summary>The inline styles of the HTML the renderers write: inline so a table or chart looks right on its own (in a
/// notebook cell, an e-mail) as well as in an <see cref="HtmlPage"/>; fixed strings, never data.</summary>
internal static class HtmlStyle
{
    public const string Font = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

    public const string Table = "border-collapse:collapse;margin:0.5em 0 1.25em 0;font-size:14px;" + Font;

    public const string Caption = "caption-side:top;text-align:left;font-weight:600;padding:0 0 0.4em 0";

    private const string Cell = "padding:3px 10px;border-bottom:1px solid #e3e3e3;white-space:nowrap";

    public const string HeadLeft = Cell + ";text-align:left;border-bottom:2px solid #888;font-weight:600";

    public const string HeadRight = Cell + ";text-align:right;border-bottom:2px solid #888;font-weight:600";

    public const string CellLeft = Cell + ";text-align:left";

    public const string CellRight = Cell + ";text-align:right;font-variant-numeric:tabular-nums";

    /// <summary>Appended to a cell's style to let it break over lines, never narrower than a short phrase.</summary>
    public const string Wrapping = ";white-space:normal;min-width:9em;max-width:22em";

    public const string CellLeftStrong = CellLeft + ";font-weight:600";

    public const string CellRightStrong = CellRight + ";font-weight:600";

    public const string Section = "margin:0 0 1.5em 0;" + Font;

    public const string Heading = "font-size:1.25em;margin:0.2em 0 0.4em 0;" + Font;

    public const string SubHeading = "font-size:1.05em;margin:1em 0 0.3em 0;" + Font;

    public const string Paragraph = "margin:0.3em 0;font-size:14px;line-height:1.4;" + Font;

    public const string Note = "margin:0.3em 0;font-size:13px;color:#555;" + Font;
}
