using System.Runtime.CompilerServices;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace Cx.Domain.IO.Internal;

/// <summary>A block sink that does what every reader does before it reads fields: skips blank rows, reports malformed
/// quoting, a wrong field count and invalid UTF-8, collects problems (lines relative to the block) and the line of every
/// row kept.</summary>
internal abstract class CheckedSink : RowSink
{
    private readonly int _fieldCount;
    private readonly string _fieldCountHint;
    private readonly string _encodingHint;

    protected CheckedSink(ReaderContext context)
    {
        Context = context;
        _fieldCount = context.Header.FieldCount;
        string expected = context.Header.HasNames ? "the header has" : "the first row has";
        string contains = context.Delimiter.IsWhitespace ? "spaces or tabs" : $"'{Text.Printable(context.Delimiter.Character)}'";
        _fieldCountHint = string.Create(CultureInfo.InvariantCulture, $"{expected} {_fieldCount}; enclose values that contain {contains} in double quotes, and give every row all the columns.");
        _encodingHint = $"it was read as {context.EncodingName}. Give the file's encoding with {context.SettingName("Encoding")} (latin1 or windows-1252 for Western European exports, utf-16), or save it as UTF-8.";
    }

    protected ReaderContext Context { get; }

    public List<FileProblem> Problems { get; } = [];

    public long ProblemCount { get; private set; }

    public LineMap RowLines { get; } = new();

    public int RowCount { get; protected set; }

    /// <summary>Counts a row kept by a reader that fills the columns itself (Parquet), at the given line or row.</summary>
    internal void Kept(long line)
    {
        RowLines.Add(RowCount, line);
        RowCount++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public sealed override void OnRow(ReadOnlySpan<byte> buffer, Row row, long line)
    {
        int count = row.Count;
        if (Fields.IsBlankRow(buffer, row, 0, count))
        {
            return;
        }

        if (row.Malformed != Malformed.None)
        {
            AddProblem(line, null, null, null, Describe(row.Malformed));
            return;
        }

        if (count < _fieldCount || (count > _fieldCount && !Fields.IsBlankRow(buffer, row, _fieldCount, count)))
        {
            AddProblem(line, null, null, null, string.Create(CultureInfo.InvariantCulture,
                $"the row has {count} field{(count == 1 ? string.Empty : "s")}, {_fieldCountHint}"));
            return;
        }

        if (Read(buffer, row, line))
        {
            RowLines.Add(RowCount, line);
            RowCount++;
        }
    }

    public sealed override void OnInvalidUtf8(ReadOnlySpan<byte> bytes, long line)
    {
        int valid = 0;
        while (valid < bytes.Length && Rune.DecodeFromUtf8(bytes[valid..], out _, out int consumed) == OperationStatus.Done)
        {
            valid += consumed;
        }

        string before = Encoding.UTF8.GetString(bytes[Math.Max(0, valid - 20)..valid]).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        AddProblem(line, null, "Encoding", null, string.Create(CultureInfo.InvariantCulture,
            $"the line is not valid UTF-8 (byte 0x{bytes[valid]:X2} after '{before}'); {_encodingHint}"));
    }

    /// <summary>Reads the fields of a row of the right shape.</summary>
    /// <returns><see langword="true"/> when the row was kept.</returns>
    protected abstract bool Read(ReadOnlySpan<byte> buffer, Row row, long line);

    internal void AddProblem(long line, string? column, string? setting, string? code, string message)
    {
        ProblemCount++;
        if (Problems.Count < RevenueFile.ProblemLimit)
        {
            Problems.Add(new FileProblem(line, null, column, setting, code, message));
        }
    }

    private static string Describe(Malformed reason) => reason switch
    {
        Malformed.StrayQuote => "malformed CSV: a double quote inside a field that is not enclosed in quotes; enclose the field in double quotes and double the quotes inside it (\"\").",
        Malformed.TextAfterClosingQuote => "malformed CSV: text after the closing quote of a quoted field; a quoted field must end right after its closing quote.",
        _ => "malformed CSV: a quoted field is never closed; the rest of the file was read as part of it. Close the quote.",
    };
}
