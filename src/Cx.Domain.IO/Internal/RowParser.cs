using System.Runtime.CompilerServices;
using System.Buffers;

namespace Cx.Domain.IO.Internal;

/// <summary>Splits UTF-8 text into rows and fields, RFC 4180 style: fields separated by one byte (or runs of spaces
/// and tabs), double quotes enclosing fields that hold separators, quotes (doubled) and line breaks; rows ended by LF,
/// CRLF or CR. No allocation: fields are offsets into the buffer.</summary>
/// <remarks>Malformed quoting is recorded on the row (and the row's end still found), never thrown: a stray quote
/// inside an unquoted field, text after a closing quote, a quote never closed (the rest of the data is the field).</remarks>
internal sealed class RowParser
{
    private const byte Quote = (byte)'"';
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';
    private static readonly SearchValues<byte> LineBreaks = SearchValues.Create("\r\n"u8);
    private static readonly SearchValues<byte> WhitespaceSpecials = SearchValues.Create(" \t\"\r\n"u8);
    private readonly SearchValues<byte> _specials;
    private readonly bool _whitespace;
    private readonly byte _delimiter;

    public RowParser(Delimiter delimiter)
    {
        _whitespace = delimiter.IsWhitespace;
        _delimiter = (byte)delimiter.Character;
        _specials = _whitespace ? WhitespaceSpecials : SearchValues.Create([_delimiter, Quote, Cr, Lf]);
    }

    public enum Result
    {
        Row,
        NeedMore,
        End,
    }

    /// <summary>Parses the row that starts at <paramref name="pos"/>.</summary>
    /// <param name="buffer">The data.</param>
    /// <param name="pos">Where the row starts; moved past the row (and its line break) when one is returned.</param>
    /// <param name="final">Whether the data ends at the end of the buffer (else a row running to the end needs more).</param>
    /// <param name="row">Receives the fields.</param>
    /// <returns><see cref="Result.Row"/>, <see cref="Result.NeedMore"/> (nothing consumed) or <see cref="Result.End"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Result Next(ReadOnlySpan<byte> buffer, ref int pos, bool final, Row row)
    {
        int n = buffer.Length;
        int p = pos;
        if (p >= n)
        {
            return final ? Result.End : Result.NeedMore;
        }

        row.Reset();
        row.StartOffset = p;
        int breaks = 0;
        while (true)
        {
            if (_whitespace)
            {
                while (p < n && buffer[p] is (byte)' ' or (byte)'\t')
                {
                    p++;
                }

                if (p == n)
                {
                    if (!final)
                    {
                        return Result.NeedMore;
                    }

                    return EndAtData(buffer, ref pos, p, breaks, row);
                }

                if (buffer[p] is Cr or Lf)
                {
                    goto RowEnd;
                }
            }

            if (p < n && buffer[p] == Quote)
            {
                p++;
                int s = p;
                byte flags = Row.Quoted;
                while (true)
                {
                    int k = buffer[p..].IndexOf(Quote);
                    if (k < 0)
                    {
                        if (!final)
                        {
                            return Result.NeedMore;
                        }

                        breaks += CountLineBreaks(buffer[s..]);
                        row.Add(s, n, flags);
                        row.Malformed = Malformed.UnterminatedQuote;
                        return EndAtData(buffer, ref pos, n, breaks, row);
                    }

                    p += k + 1;
                    if (p == n && !final)
                    {
                        return Result.NeedMore;
                    }

                    if (p < n && buffer[p] == Quote)
                    {
                        flags |= Row.Escaped;
                        p++;
                        continue;
                    }

                    break;
                }

                breaks += CountLineBreaks(buffer[s..(p - 1)]);
                row.Add(s, p - 1, flags);
                if (p == n)
                {
                    return EndAtData(buffer, ref pos, p, breaks, row);
                }

                byte c = buffer[p];
                if (c is Cr or Lf)
                {
                    goto RowEnd;
                }

                if (IsDelimiter(c))
                {
                    p++;
                    if (p == n && !final)
                    {
                        return Result.NeedMore;
                    }

                    if (!_whitespace && p == n)
                    {
                        row.Add(p, p, 0);
                        return EndAtData(buffer, ref pos, p, breaks, row);
                    }

                    continue;
                }

                // Text after the closing quote: the row is malformed; find its end.
                row.Malformed = Malformed.TextAfterClosingQuote;
                int e = buffer[p..].IndexOfAny(LineBreaks);
                if (e < 0)
                {
                    if (!final)
                    {
                        return Result.NeedMore;
                    }

                    return EndAtData(buffer, ref pos, n, breaks, row);
                }

                p += e;
                goto RowEnd;
            }
            else
            {
                int s = p;
                byte c;
                while (true)
                {
                    int k = buffer[p..].IndexOfAny(_specials);
                    if (k < 0)
                    {
                        if (!final)
                        {
                            return Result.NeedMore;
                        }

                        row.Add(s, n, 0);
                        return EndAtData(buffer, ref pos, n, breaks, row);
                    }

                    p += k;
                    c = buffer[p];
                    if (c == Quote)
                    {
                        row.Malformed = row.Malformed == Malformed.None ? Malformed.StrayQuote : row.Malformed;
                        p++;
                        continue;
                    }

                    break;
                }

                row.Add(s, p, 0);
                if (c is Cr or Lf)
                {
                    goto RowEnd;
                }

                // A delimiter.
                p++;
                if (_whitespace)
                {
                    continue;
                }

                if (p == n)
                {
                    if (!final)
                    {
                        return Result.NeedMore;
                    }

                    row.Add(p, p, 0);
                    return EndAtData(buffer, ref pos, p, breaks, row);
                }
            }
        }

    RowEnd:
        if (buffer[p] == Cr)
        {
            if (p + 1 == n && !final)
            {
                return Result.NeedMore;
            }

            p += p + 1 < n && buffer[p + 1] == Lf ? 2 : 1;
        }
        else
        {
            p++;
        }

        row.LineBreaks = breaks + 1;
        row.Terminated = true;
        row.EndOffset = p;
        pos = p;
        return Result.Row;
    }

    /// <summary>Counts line breaks (LF, CRLF or a lone CR) in quoted text.</summary>
    public static int CountLineBreaks(ReadOnlySpan<byte> text)
    {
        int count = 0;
        int i = 0;
        while (true)
        {
            int k = text[i..].IndexOfAny(LineBreaks);
            if (k < 0)
            {
                return count;
            }

            i += k;
            count++;
            i += text[i] == Cr && i + 1 < text.Length && text[i + 1] == Lf ? 2 : 1;
        }
    }

    private static Result EndAtData(ReadOnlySpan<byte> buffer, ref int pos, int p, int breaks, Row row)
    {
        _ = buffer;
        row.LineBreaks = breaks;
        row.Terminated = false;
        row.EndOffset = p;
        pos = p;
        return Result.Row;
    }

    private bool IsDelimiter(byte c) => _whitespace ? c is (byte)' ' or (byte)'\t' : c == _delimiter;
}
