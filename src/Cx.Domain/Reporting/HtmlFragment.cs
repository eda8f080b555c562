using System.Collections.Immutable;
using System.Text;

namespace Cx.Domain.Reporting;

/// <summary>A piece of HTML that is safe to place in a page: a renderer's table, a chart, or text that has been encoded.</summary>
/// <remarks>
/// <para>Text becomes a fragment only through <see cref="FromText"/>, which encodes it, so data such as a customer called
/// <c>&lt;script&gt;</c> always stays inert text. <see cref="FromTrustedHtml"/> takes markup as it is: use it only for markup
/// you wrote yourself, never for data.</para>
/// <para>Immutable. <c>default</c> is not a valid value of a class; an empty fragment is <see cref="Empty"/>.</para>
/// </remarks>
public sealed class HtmlFragment
{
    private HtmlFragment(string html) => Html = html;

    /// <summary>Gets the empty fragment.</summary>
    public static HtmlFragment Empty { get; } = new(string.Empty);

    /// <summary>Gets the markup.</summary>
    public string Html { get; }

    /// <summary>Creates a fragment from text, encoding every character HTML gives a meaning to.</summary>
    /// <param name="text">The text; null is empty.</param>
    /// <returns>The encoded text.</returns>
    public static HtmlFragment FromText(string? text) => new(CellEscaping.Html(text));

    /// <summary>Creates a fragment from markup taken as it is, not encoded.</summary>
    /// <param name="html">Markup you wrote yourself; never text from data.</param>
    /// <returns>The fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is null.</exception>
    public static HtmlFragment FromTrustedHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return new HtmlFragment(html);
    }

    /// <summary>Joins fragments in order.</summary>
    /// <param name="fragments">The fragments.</param>
    /// <returns>One fragment with all the markup.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fragments"/> or one of them is null.</exception>
    public static HtmlFragment Concat(params IEnumerable<HtmlFragment> fragments)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        var html = new StringBuilder();
        foreach (HtmlFragment fragment in fragments)
        {
            ArgumentNullException.ThrowIfNull(fragment, nameof(fragments));
            html.Append(fragment.Html);
        }

        return new HtmlFragment(html.ToString());
    }

    /// <summary>Wraps a paragraph of text.</summary>
    /// <param name="text">The text, encoded.</param>
    /// <returns>A <c>&lt;p&gt;</c> element.</returns>
    public static HtmlFragment Paragraph(string? text) =>
        new($"<p style=\"{HtmlStyle.Paragraph}\">{CellEscaping.Html(text)}</p>\n");

    /// <summary>Wraps a heading of text.</summary>
    /// <param name="text">The text, encoded.</param>
    /// <param name="level">The level, 1 to 6.</param>
    /// <returns>An <c>&lt;hN&gt;</c> element.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside 1 to 6.</exception>
    public static HtmlFragment Heading(string? text, int level = 2)
    {
        Internal.Guard.InRange(level, 1, 6);
        string style = level <= 2 ? HtmlStyle.Heading : HtmlStyle.SubHeading;
        return new HtmlFragment($"<h{level} style=\"{style}\">{CellEscaping.Html(text)}</h{level}>\n");
    }

    /// <summary>Wraps a bulleted list of texts.</summary>
    /// <param name="items">The items, each encoded.</param>
    /// <returns>A <c>&lt;ul&gt;</c> element, or <see cref="Empty"/> for no items.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public static HtmlFragment List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        ImmutableArray<string> all = [.. items];
        if (all.IsEmpty)
        {
            return Empty;
        }

        var html = new StringBuilder($"<ul style=\"{HtmlStyle.Paragraph}\">\n");
        foreach (string item in all)
        {
            html.Append("<li>").Append(CellEscaping.Html(item)).Append("</li>\n");
        }

        return new HtmlFragment(html.Append("</ul>\n").ToString());
    }

    /// <summary>Returns the markup.</summary>
    /// <returns>The HTML.</returns>
    public override string ToString() => Html;
}
