using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Unicode;

namespace Cx.Domain.IO.Internal;

/// <summary>Numbers distinct texts (customer ids, segment names, touchpoints) read from UTF-8 bytes, safely from many
/// threads: a lookup decodes the bytes to a stack buffer and probes without allocating; a string is made only for a
/// text not seen before. Values are trimmed of white space (as <see cref="string.Trim()"/>) before they are numbered.</summary>
/// <remarks>Numbers are handed out in the order threads happen to add texts; readers renumber them by first appearance
/// in the file afterwards, so the result never depends on threads.</remarks>
internal sealed class Interner
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int _next;

    public Interner()
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets how many numbers were handed out (some may be unused after a race between threads).</summary>
    public int Count => Volatile.Read(ref _next);

    /// <summary>Returns the number of a text, trimmed; -1 when it is empty or white space only.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> utf8)
    {
        utf8 = Fields.TrimAscii(utf8);
        if (utf8.IsEmpty)
        {
            return -1;
        }

        char[]? rented = null;
        Span<char> chars = utf8.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            Utf8.ToUtf16(utf8, chars, out _, out int written, replaceInvalidSequences: true);
            ReadOnlySpan<char> key = chars[..written];
            if (key[0] > 0x7F || key[^1] > 0x7F)
            {
                key = key.Trim();
                if (key.IsEmpty)
                {
                    return -1;
                }
            }

            if (_lookup.TryGetValue(key, out int id))
            {
                return id;
            }

            int candidate = Interlocked.Increment(ref _next) - 1;
            if (_lookup.TryAdd(key, candidate))
            {
                return candidate;
            }

            _lookup.TryGetValue(key, out id);
            return id;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Returns the text of every number (null for numbers lost to a race).</summary>
    public string?[] Names()
    {
        string?[] names = new string?[Count];
        foreach (KeyValuePair<string, int> pair in _ids)
        {
            names[pair.Value] = pair.Key;
        }

        return names;
    }
}
