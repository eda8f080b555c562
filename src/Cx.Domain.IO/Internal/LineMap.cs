namespace Cx.Domain.IO.Internal;

/// <summary>Maps 0-based row numbers to 1-based file lines with one entry per place where rows stop being one line each
/// (a skipped or bad row, a quoted line break): tiny for clean files, never a line per row.</summary>
internal sealed class LineMap
{
    private readonly List<long> _rows = [];
    private readonly List<long> _offsets = [];

    /// <summary>Records that row <paramref name="row"/> starts on line <paramref name="line"/>.</summary>
    public void Add(long row, long line)
    {
        long offset = line - row;
        if (_offsets.Count == 0 || _offsets[^1] != offset)
        {
            _rows.Add(row);
            _offsets.Add(offset);
        }
    }

    /// <summary>Appends another map whose rows start at <paramref name="firstRow"/> and lines at <paramref name="firstLine"/>.</summary>
    public void Append(LineMap other, long firstRow, long firstLine)
    {
        for (int i = 0; i < other._rows.Count; i++)
        {
            Add(other._rows[i] + firstRow, other._rows[i] + other._offsets[i] + firstLine);
        }
    }

    public long LineOf(long row)
    {
        int i = _rows.BinarySearch(row);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return i < 0 ? row + 1 : row + _offsets[i];
    }
}
