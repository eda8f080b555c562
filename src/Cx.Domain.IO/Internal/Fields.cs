using System.Runtime.CompilerServices;
using System.Text;

namespace Cx.Domain.IO.Internal;

/// <summary>Reads field values from UTF-8 bytes: trimming, blank checks, unescaping quotes, strings only when asked.</summary>
internal static class Fields
{
    public static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> text)
    {
        int s = 0;
        int e = text.Length;
        while (s < e && IsAsciiSpace(text[s]))
        {
            s++;
        }

        while (e > s && IsAsciiSpace(text[e - 1]))
        {
            e--;
        }

        return text[s..e];
    }

    /// <summary>Whether a field is empty or only white space (Unicode white space, as <see cref="string.IsNullOrWhiteSpace"/>).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> text)
    {
        ReadOnlySpan<byte> t = TrimAscii(text);
        if (t.IsEmpty)
        {
            return true;
        }

        if (t[0] < 0x80 && t[^1] < 0x80)
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(t));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsBlankRow(ReadOnlySpan<byte> buffer, Row row, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!IsBlank(row.Raw(buffer, i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns a field as a string, quotes unescaped, not trimmed.</summary>
    public static string String(ReadOnlySpan<byte> buffer, Row row, int field)
    {
        string text = Encoding.UTF8.GetString(row.Raw(buffer, field));
        return (row.Flags(field) & Row.Escaped) != 0 ? text.Replace("\"\"", "\"", StringComparison.Ordinal) : text;
    }

    /// <summary>Writes a field's bytes with doubled quotes unescaped into <paramref name="scratch"/> when needed.</summary>
    public static ReadOnlySpan<byte> Unescaped(ReadOnlySpan<byte> buffer, Row row, int field, ref byte[] scratch)
    {
        ReadOnlySpan<byte> raw = row.Raw(buffer, field);
        if ((row.Flags(field) & Row.Escaped) == 0)
        {
            return raw;
        }

        if (scratch.Length < raw.Length)
        {
            scratch = new byte[Math.Max(raw.Length, scratch.Length * 2)];
        }

        int n = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            scratch[n++] = raw[i];
            if (raw[i] == (byte)'"' && i + 1 < raw.Length && raw[i + 1] == (byte)'"')
            {
                i++;
            }
        }

        return scratch.AsSpan(0, n);
    }

    /// <summary>Whether text is pure ASCII (then byte offsets are character offsets).</summary>
    public static bool IsAscii(ReadOnlySpan<byte> text) => System.Text.Ascii.IsValid(text);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B or 0x0C;
}
