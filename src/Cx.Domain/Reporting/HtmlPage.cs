using System.Collections.Immutable;
using System.Text;

namespace Cx.Domain.Reporting;

/// <summary>A self-contained HTML page built from sections of tables, charts and text: one file with no script and no
/// external resource, to open in any browser, attach to an e-mail or archive.</summary>
/// <remarks>
/// <para>Immutable: every <c>Add</c> returns a new page, so a page is a value that can be built in steps and shared.
/// <see cref="ToString"/> writes the document; the same page always gives the same bytes.</para>
/// <para>Every text is HTML-encoded; markup comes only from the renderers (<see cref="HtmlFragment"/>, <see cref="SvgChart"/>).
/// The page also declares a Content-Security-Policy that allows no script and no resource from elsewhere, so even a
/// mistake elsewhere could not make it run code or call out.</para>
/// </remarks>
/// <example>
/// <code>
/// string html = new HtmlPage("Customer asset, 2024")
///     .AddSection("The bridge", report.ToWaterfallChart(), report.ToHtml())
///     .AddSection("Where it was earned and lost", attribution.ToStageChart(), attribution.ToHtml())
///     .ToString();
/// File.WriteAllText("report.html", html);
/// </code>
/// </example>
public sealed class HtmlPage
{
    private readonly ImmutableArray<HtmlFragment> _body;

    /// <summary>Initializes an empty page.</summary>
    /// <param name="title">The page's title, shown as its first heading and in the browser's tab; not blank.</param>
    /// <exception cref="ArgumentException"><paramref name="title"/> is null or blank.</exception>
    public HtmlPage(string title)
        : this(Check(title), [])
    {
    }

    private HtmlPage(string title, ImmutableArray<HtmlFragment> body)
    {
        Title = title;
        _body = body;
    }

    /// <summary>Gets the page's title.</summary>
    public string Title { get; }

    /// <summary>Gets the number of blocks added (sections, fragments, charts and paragraphs).</summary>
    public int BlockCount => _body.Length;

    /// <summary>Returns a page with a fragment added at the end.</summary>
    /// <param name="fragment">A renderer's table, or any fragment.</param>
    /// <returns>The new page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fragment"/> is null.</exception>
    public HtmlPage Add(HtmlFragment fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        return new HtmlPage(Title, _body.Add(fragment));
    }

    /// <summary>Returns a page with a chart added at the end.</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>The new page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    public HtmlPage Add(SvgChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Add(chart.ToHtml());
    }

    /// <summary>Returns a page with a paragraph of text added at the end.</summary>
    /// <param name="text">The text, encoded.</param>
    /// <returns>The new page.</returns>
    public HtmlPage AddParagraph(string text) => Add(HtmlFragment.Paragraph(text));

    /// <summary>Returns a page with a section added at the end: a heading, then the blocks in order.</summary>
    /// <param name="heading">The section's heading, encoded.</param>
    /// <param name="blocks">Charts (<see cref="SvgChart"/>), fragments (<see cref="HtmlFragment"/>) or texts
    /// (<see cref="string"/>, each a paragraph).</param>
    /// <returns>The new page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="blocks"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A block is neither a chart, a fragment nor a string.</exception>
    public HtmlPage AddSection(string heading, params IEnumerable<object> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var html = new StringBuilder("<section class=\"cx-section\">\n");
        html.Append(HtmlFragment.Heading(heading, 2).Html);
        foreach (object block in blocks)
        {
            html.Append(block switch
            {
                SvgChart chart => chart.ToHtml().Html,
                HtmlFragment fragment => fragment.Html,
                string text => HtmlFragment.Paragraph(text).Html,
                null => throw new ArgumentNullException(nameof(blocks), "Expected charts, fragments or texts, got a null block."),
                _ => throw new ArgumentException($"Expected charts (SvgChart), fragments (HtmlFragment) or texts (string), got a {block.GetType().Name}.", nameof(blocks)),
            });
        }

        html.Append("</section>\n");
        return Add(HtmlFragment.FromTrustedHtml(html.ToString()));
    }

    /// <summary>Writes the whole document.</summary>
    /// <returns>The HTML document, UTF-8 declared, LF line ends.</returns>
    public override string ToString()
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"Cx.Domain\">\n")
            .Append("<title>").Append(CellEscaping.Html(Title)).Append("</title>\n")
            .Append("<style>\n").Append(PageStyle).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(CellEscaping.Html(Title)).Append("</h1>\n");
        foreach (HtmlFragment block in _body)
        {
            html.Append(block.Html);
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static string Check(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return title;
    }

    private const string PageStyle =
        "body{margin:0;background:#fafafa;color:#1d1d1f;" + HtmlStyle.Font + "}\n" +
        "main{max-width:1200px;margin:0 auto;padding:24px 32px 48px 32px;background:#fff}\n" +
        "h1{font-size:1.6em;margin:0.2em 0 0.8em 0}\n" +
        "section.cx-section{margin:0 0 2em 0}\n" +
        "figure.cx-chart{margin:0.5em 0 1.5em 0}\n" +
        "figure.cx-chart svg{max-width:100%;height:auto}\n" +
        "table.cx-table{max-width:100%}\n" +
        "@media print{body{background:#fff}main{padding:0}}\n";
}
