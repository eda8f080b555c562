using System.Text;

namespace Cx.Domain.Reporting;

/// <summary>Builds a CSV document: comma separated, LF line ends, RFC 4180 quoting, and the injection rule of
/// <see cref="CellEscaping.CsvText"/> on every text cell.</summary>
internal sealed class CsvBuilder
{
    private readonly StringBuilder _text = new();
    private bool _rowStarted;

    /// <summary>Writes a header row (names of ours: no escaping beyond quoting).</summary>
    public CsvBuilder Header(IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            Value(name);
        }

        return End();
    }

    /// <summary>Adds a text cell: data that came from the input (names, ids, reasons).</summary>
    public CsvBuilder Text(string? text)
    {
        Separate();
        CellEscaping.CsvText(_text, text);
        return this;
    }

    /// <summary>Adds a cell the renderer formatted itself: a number, a date, a word of ours.</summary>
    public CsvBuilder Value(string text)
    {
        Separate();
        CellEscaping.CsvValue(_text, text);
        return this;
    }

    /// <summary>Ends the row.</summary>
    public CsvBuilder End()
    {
        _text.Append('\n');
        _rowStarted = false;
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();

    private void Separate()
    {
        if (_rowStarted)
        {
            _text.Append(',');
        }

        _rowStarted = true;
    }
}
