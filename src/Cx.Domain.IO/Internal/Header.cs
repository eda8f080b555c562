using System.Globalization;

namespace Cx.Domain.IO.Internal;

/// <summary>The columns of a file: the header's names (or, without a header, the first row's field count), resolving
/// <see cref="ColumnRef"/>s to field indexes with problems that list what exists.</summary>
internal sealed class Header
{
    private readonly string[]? _names;
    private readonly string[] _firstRow;
    private readonly long _line;
    private readonly Delimiter _delimiter;
    private readonly Func<string, string> _settingName;

    public Header(string[]? names, string[] firstRow, long line, Delimiter delimiter, Func<string, string> settingName)
    {
        _names = names;
        _firstRow = firstRow;
        _line = line;
        _delimiter = delimiter;
        _settingName = settingName;
    }

    /// <summary>Gets how many fields a row must have (the header's, or the first row's).</summary>
    public int FieldCount => _firstRow.Length;

    public bool HasNames => _names is not null;

    public string NameOf(int index) => _names is { } names ? names[index] : "#" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Finds a column; adds a problem when it is required and missing.</summary>
    /// <returns>The field index, or -1.</returns>
    public int Resolve(ColumnRef column, string setting, bool required, List<FileProblem> missing)
    {
        if (column.IsNone)
        {
            return -1;
        }

        int index = -1;
        if (_names is { } names && column.Name is { } wanted)
        {
            index = Find(names, wanted);
        }

        if (index < 0 && column.Position > 0 && column.Position <= FieldCount && (_names is null || column.Name is null || Find(_names, column.Name) < 0))
        {
            index = column.Position - 1;
        }

        if (index < 0 && required)
        {
            string option = _settingName(setting);
            if (_names is { } header && column.Position == 0)
            {
                string existing = string.Join(", ", header.Select(h => $"'{h}'"));
                missing.Add(new FileProblem(_line, null, column.Name, setting, null, $"not found; the header has the columns {existing}. Name the right one with {option}."));
            }
            else
            {
                string what = _names is null ? "the first row has" : "the header has";
                missing.Add(new FileProblem(_line, null, column.ToString(), setting, null, string.Create(CultureInfo.InvariantCulture,
                    $"not found; {what} {FieldCount} column{(FieldCount == 1 ? string.Empty : "s")}. Name the right one with {option} (a header name, or a position from 1).")));
            }
        }

        return index;
    }

    /// <summary>When the header (or first row) is one field that holds another likely delimiter, says so: the columns
    /// were not found because the fields were not split.</summary>
    public FileProblem? DiagnoseDelimiter()
    {
        if (FieldCount != 1)
        {
            return null;
        }

        string text = _firstRow[0].Trim();
        string? suggestion = null;
        string? contains = null;
        if (text.Contains('\t', StringComparison.Ordinal) && _delimiter != Delimiter.Tab)
        {
            (contains, suggestion) = ("tabs", "tab");
        }
        else if (text.Contains(';', StringComparison.Ordinal) && _delimiter != Delimiter.Semicolon)
        {
            (contains, suggestion) = ("semicolons", "';'");
        }
        else if (text.Contains(',', StringComparison.Ordinal) && _delimiter != Delimiter.Comma)
        {
            (contains, suggestion) = ("commas", "comma");
        }
        else if (text.Contains('|', StringComparison.Ordinal) && _delimiter.Character != '|')
        {
            (contains, suggestion) = ("'|'", "'|'");
        }
        else if (text.Contains(' ', StringComparison.Ordinal) && !_delimiter.IsWhitespace)
        {
            (contains, suggestion) = ("spaces", "whitespace");
        }

        if (suggestion is null)
        {
            return null;
        }

        string what = _names is null ? "the first row" : "the header";
        return new FileProblem(_line, null, null, "Delimiter", null,
            $"{what} has one column ('{Text.Shorten(text)}') and contains {contains}: the fields are not separated by {_delimiter}. Try {_settingName("Delimiter")} {suggestion}.");
    }

    /// <summary>Finds a column: an exact match first, else ignoring case and surrounding white space.</summary>
    public static int Find(IReadOnlyList<string> headers, string wanted)
    {
        for (int i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], wanted, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (int i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
