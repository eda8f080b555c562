using System.Globalization;

namespace Cx.Domain.Reporting;

/// <summary>A chart drawn as SVG, with no dependency and no script: a value to place in an <see cref="HtmlPage"/>, a
/// notebook cell or a file of its own.</summary>
/// <remarks>
/// <para>Created by the renderers (<c>report.ToWaterfallChart()</c>, <c>matrix.ToHeatMap()</c>,
/// <c>attribution.ToStageChart()</c>, <c>ReliabilityRenderer.ToRunChart(...)</c>). Every text in it is HTML-encoded;
/// amounts are in currency units with thousands separators; the same data always gives the same bytes.</para>
/// <para>Immutable.</para>
/// </remarks>
public sealed class SvgChart
{
    internal SvgChart(string title, int width, int height, string svg)
    {
        Title = title;
        Width = width;
        Height = height;
        Svg = svg;
    }

    /// <summary>Gets the chart's title (also drawn in the chart, and its accessible name).</summary>
    public string Title { get; }

    /// <summary>Gets the width of the drawing, in CSS pixels.</summary>
    public int Width { get; }

    /// <summary>Gets the height of the drawing, in CSS pixels.</summary>
    public int Height { get; }

    /// <summary>Gets the <c>&lt;svg&gt;</c> element, to inline in HTML.</summary>
    public string Svg { get; }

    /// <summary>Returns the chart as an HTML figure, to place in a page or a notebook.</summary>
    /// <returns>A <c>&lt;figure&gt;</c> holding the SVG.</returns>
    public HtmlFragment ToHtml() => HtmlFragment.FromTrustedHtml("<figure class=\"cx-chart\" style=\"margin:0.5em 0 1.5em 0\">\n" + Svg + "</figure>\n");

    /// <summary>Returns the chart as a standalone SVG document, to save as a <c>.svg</c> file.</summary>
    /// <returns>The XML declaration and the <c>&lt;svg&gt;</c> element.</returns>
    public string ToSvgDocument() => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Svg;

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>SVG chart 'Customer asset bridge' (880x420)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SVG chart '{Title}' ({Width}x{Height})");
}
