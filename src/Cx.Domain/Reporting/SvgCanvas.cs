using System.Globalization;
using System.Text;

namespace Cx.Domain.Reporting;

/// <summary>Writes the SVG of a chart: shapes with invariant coordinates and text that is always HTML-encoded, inside an
/// <c>&lt;svg&gt;</c> element with a title and description for screen readers.</summary>
internal sealed class SvgCanvas
{
    public const string Ink = "#1d1d1f";
    public const string Muted = "#6e6e73";
    public const string Grid = "#e6e6e6";
    public const string Gain = "#2e7d32";
    public const string Loss = "#c62828";
    public const string Total = "#455a64";
    public const string Threshold = "#ef6c00";
    public const string Objective = "#1565c0";
    public const string Neutral = "#90a4ae";

    private readonly StringBuilder _body = new();

    public SvgCanvas(int width, int height, string title, string description)
    {
        Width = width;
        Height = height;
        Title = title;
        Description = description;
    }

    public int Width { get; }

    public int Height { get; }

    public string Title { get; }

    public string Description { get; }

    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public SvgCanvas Rect(double x, double y, double width, double height, string fill, string? tooltip = null, string? stroke = null)
    {
        _body.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(Math.Max(0, width)))
            .Append("\" height=\"").Append(N(Math.Max(0, height))).Append("\" fill=\"").Append(fill).Append('"');
        if (stroke is not null)
        {
            _body.Append(" stroke=\"").Append(stroke).Append('"');
        }

        return Close(tooltip, "rect");
    }

    public SvgCanvas Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null, string? tooltip = null)
    {
        _body.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(width)).Append('"');
        if (dash is not null)
        {
            _body.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        return Close(tooltip, "line");
    }

    public SvgCanvas Circle(double cx, double cy, double r, string fill, string? tooltip = null)
    {
        _body.Append("<circle cx=\"").Append(N(cx)).Append("\" cy=\"").Append(N(cy)).Append("\" r=\"").Append(N(r)).Append("\" fill=\"").Append(fill).Append('"');
        return Close(tooltip, "circle");
    }

    public SvgCanvas Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 1.5)
    {
        _body.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(width)).Append("\" points=\"");
        bool first = true;
        foreach ((double x, double y) in points)
        {
            _body.Append(first ? string.Empty : " ").Append(N(x)).Append(',').Append(N(y));
            first = false;
        }

        _body.Append("\"/>\n");
        return this;
    }

    /// <summary>Writes text, encoded; <paramref name="anchor"/> is start, middle or end.</summary>
    public SvgCanvas Text(double x, double y, string text, string anchor = "start", double size = 12, string fill = Ink, bool bold = false, double rotate = 0)
    {
        _body.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" font-size=\"").Append(N(size)).Append("\" fill=\"").Append(fill)
            .Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (bold)
        {
            _body.Append(" font-weight=\"600\"");
        }

        if (rotate != 0)
        {
            _body.Append(" transform=\"rotate(").Append(N(rotate)).Append(' ').Append(N(x)).Append(' ').Append(N(y)).Append(")\"");
        }

        _body.Append('>').Append(CellEscaping.Html(text)).Append("</text>\n");
        return this;
    }

    /// <summary>Writes text over as many lines as it needs to fit <paramref name="maxWidth"/> pixels (an estimate of the
    /// glyph width), breaking at spaces; returns the y of the line after the last.</summary>
    public double Paragraph(double x, double y, string text, double maxWidth, double size = 12, string fill = Muted, double lineHeight = 16)
    {
        foreach (string line in Wrap(text, maxWidth, size))
        {
            Text(x, y, line, size: size, fill: fill);
            y += lineHeight;
        }

        return y;
    }

    /// <summary>Breaks text at spaces into lines that fit <paramref name="maxWidth"/> pixels at <paramref name="size"/>.</summary>
    public static List<string> Wrap(string text, double maxWidth, double size = 12)
    {
        int perLine = Math.Max(10, (int)(maxWidth / (size * 0.55)));
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > perLine)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length == 0 ? string.Empty : " ").Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Writes a legend entry: a swatch and its label.</summary>
    public SvgCanvas Legend(double x, double y, string color, string label, bool line = false)
    {
        if (line)
        {
            Line(x, y - 4, x + 16, y - 4, color, 2, "6 3");
        }
        else
        {
            Rect(x, y - 10, 12, 12, color);
        }

        return Text(x + (line ? 20 : 16), y, label, size: 12);
    }

    public SvgChart ToChart()
    {
        var svg = new StringBuilder(_body.Length + 512);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Width).Append("\" height=\"").Append(Height)
            .Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height).Append("\" role=\"img\" font-family=\"system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif\">\n")
            .Append("<title>").Append(CellEscaping.Html(Title)).Append("</title>\n")
            .Append("<desc>").Append(CellEscaping.Html(Description)).Append("</desc>\n")
            .Append("<rect x=\"0\" y=\"0\" width=\"").Append(Width).Append("\" height=\"").Append(Height).Append("\" fill=\"#ffffff\"/>\n")
            .Append(_body)
            .Append("</svg>\n");
        return new SvgChart(Title, Width, Height, svg.ToString());
    }

    /// <summary>Returns about <paramref name="count"/> round tick values (steps of 1, 2 or 5 times a power of ten) covering
    /// [min, max], with the step.</summary>
    public static (double[] Ticks, double Step) NiceTicks(double min, double max, int count = 5)
    {
        // Within ±1e300 the range, its step and the rounded ends stay finite: a value near double.MaxValue rounded to a
        // tick became infinity, and a loop adding a step to -infinity never ended.
        const double Limit = 1e300;
        min = double.IsNaN(min) ? 0 : Math.Clamp(min, -Limit, Limit);
        max = double.IsNaN(max) ? min : Math.Clamp(max, -Limit, Limit);
        if (!(max > min))
        {
            max = min + 1;
        }

        double raw = (max - min) / Math.Max(1, count);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = (raw / magnitude) switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 5 => 5,
            _ => 10,
        } * magnitude;
        double first = Math.Floor(min / step) * step;
        double last = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (int i = 0; i <= 1000; i++)
        {
            double t = first + (i * step);
            if (!(t <= last + (step / 2)))
            {
                break;
            }

            ticks.Add(Math.Abs(t) < step / 1e6 ? 0 : t);
        }

        return (ticks.ToArray(), step);
    }

    /// <summary>Formats a tick with as many decimals as its step needs and thousands separators: <c>1,500,000</c>, <c>0.25</c>.</summary>
    public static string Tick(double value, double step)
    {
        int decimals = step >= 1 ? 0 : Math.Min(6, (int)Math.Ceiling(-Math.Log10(step) - 1e-9));
        return value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private SvgCanvas Close(string? tooltip, string element)
    {
        if (tooltip is null)
        {
            _body.Append("/>\n");
        }
        else
        {
            _body.Append("><title>").Append(CellEscaping.Html(tooltip)).Append("</title></").Append(element).Append(">\n");
        }

        return this;
    }
}
