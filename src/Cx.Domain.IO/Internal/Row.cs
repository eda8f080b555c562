namespace Cx.Domain.IO.Internal;

/// <summary>What is wrong with the quoting of a row.</summary>
internal enum Malformed : byte
{
    None = 0,
    StrayQuote = 1,
    TextAfterClosingQuote = 2,
    UnterminatedQuote = 3,
}

/// <summary>The fields of one row, as offsets into the buffer the row was parsed from (valid until the next row).</summary>
internal sealed class Row
{
    public const byte Quoted = 1;
    public const byte Escaped = 2;

    private int[] _start = new int[16];
    private int[] _end = new int[16];
    private byte[] _flags = new byte[16];

    public int Count { get; private set; }

    /// <summary>Gets or sets how many line breaks the row spans, its terminator included (0 for a last row without one).</summary>
    public int LineBreaks { get; set; }

    public Malformed Malformed { get; set; }

    /// <summary>Gets or sets whether the row ended at a line break (rather than at the end of the data).</summary>
    public bool Terminated { get; set; }

    public int StartOffset { get; set; }

    public int EndOffset { get; set; }

    public void Reset()
    {
        Count = 0;
        LineBreaks = 0;
        Malformed = Malformed.None;
        Terminated = false;
    }

    public void Add(int start, int end, byte flags)
    {
        if (Count == _start.Length)
        {
            Array.Resize(ref _start, Count * 2);
            Array.Resize(ref _end, Count * 2);
            Array.Resize(ref _flags, Count * 2);
        }

        _start[Count] = start;
        _end[Count] = end;
        _flags[Count] = flags;
        Count++;
    }

    public int Start(int field) => _start[field];

    public int End(int field) => _end[field];

    public byte Flags(int field) => _flags[field];

    /// <summary>Returns a field's raw bytes (quotes removed, doubled quotes still doubled: see <see cref="Flags"/>).</summary>
    public ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> buffer, int field) => buffer[_start[field].._end[field]];
}
