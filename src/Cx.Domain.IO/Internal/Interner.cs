using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Cx.Domain.IO.Internal;

/// <summary>Numbers distinct texts (customer ids, segment names) read as UTF-8 bytes, safely from many threads: the bytes
/// are hashed and looked up as they are, and a string is made only for a text not seen before. Values are trimmed of
/// white space (as <see cref="string.Trim()"/>) before they are numbered.</summary>
/// <remarks>
/// <para>Open-addressing tables of 32-byte entries holding the first 16 key bytes, split into 16 stripes by hash: a
/// lookup reads without a lock and touches one cache line for ids of up to 16 bytes; adding takes the stripe's lock and
/// appends the name to the stripe's list (growing a table moves only its entries). No object per entry, no string per
/// lookup. A lookup costs about what <see cref="Dictionary{TKey, TValue}"/> costs with a
/// ready-made string key (memory latency dominates), without making the string.</para>
/// <para>The entries live in native memory aligned to the cache line (an entry never straddles two lines), and a table
/// of 2 MiB or more is aligned to 2 MiB and advised for transparent huge pages on Linux (<see cref="HugePages"/>): a
/// million customers make a 64 MiB table, and with 4 KiB pages nearly every lookup would also miss the address
/// translation cache.</para>
/// <para>Numbers are handed out in the order threads happen to add texts; readers renumber them by first appearance in
/// the file afterwards, so the result never depends on threads.</para>
/// </remarks>
internal sealed class Interner
{
    private const int StripeBits = 4;
    private readonly Stripe[] _stripes = new Stripe[1 << StripeBits];
    private int _next;

    public Interner()
    {
        for (int i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new Stripe();
        }
    }

    /// <summary>Gets how many numbers were handed out.</summary>
    public int Count => Volatile.Read(ref _next);

    /// <summary>Returns the number of a text, trimmed; -1 when it is empty or white space only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<byte> utf8)
    {
        utf8 = Fields.TrimAscii(utf8);
        if (utf8.IsEmpty)
        {
            return -1;
        }

        if (utf8[0] >= 0x80 || utf8[^1] >= 0x80)
        {
            // Unicode white space at either end (U+00A0, U+3000...): trim as string.Trim does, then key the trimmed bytes.
            string trimmed = Encoding.UTF8.GetString(utf8).Trim();
            if (trimmed.Length == 0)
            {
                return -1;
            }

            utf8 = Encoding.UTF8.GetBytes(trimmed);
        }

        return GetOrAdd(utf8, Hash(utf8));
    }

    /// <summary>Returns the number of a text already trimmed and not blank, given its <see cref="Hash"/> (for callers that
    /// hash ahead and <see cref="Prefetch"/> a batch of lookups before making them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<byte> trimmed, ulong hash)
    {
        Stripe stripe = _stripes[unchecked((int)(hash >> (64 - StripeBits)))];
        int found = stripe.Find(trimmed, hash);
        if (found >= 0)
        {
            return found;
        }

        lock (stripe)
        {
            return stripe.GetOrAdd(trimmed, hash, ref _next);
        }
    }

    /// <summary>Asks the processor to bring the table entry a lookup of <paramref name="hash"/> starts at into the cache,
    /// without waiting for it: a reader hashes a batch of ids, prefetches each, then looks them up, so the cache misses
    /// of a large table (one per row with a million customers) overlap instead of following one another. Only a hint:
    /// a stale address (a table grown or moved meanwhile) costs nothing but the hint.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong hash)
    {
        if (Sse.IsSupported)
        {
            // An entry is 32 bytes in a table aligned to 64: one cache line. A table freed meanwhile costs nothing either:
            // a prefetch never faults.
            Table t = _stripes[unchecked((int)(hash >> (64 - StripeBits)))].Current;
            Sse.Prefetch0(t.Entries + (unchecked((int)hash) & t.Mask));
        }
    }

    /// <summary>Returns the text of every number.</summary>
    public string[] Names()
    {
        string[] names = new string[Count];
        foreach (Stripe stripe in _stripes)
        {
            stripe.CopyNames(names);
        }

        return names;
    }

    /// <summary>Hashes a text's bytes (already trimmed) for <see cref="GetOrAdd(ReadOnlySpan{byte}, ulong)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<byte> key)
    {
        const ulong K = 0x9E3779B97F4A7C15UL;
        ulong h = unchecked((ulong)key.Length * K);
        int i = 0;
        while (key.Length - i >= 8)
        {
            h = Mix(h ^ BinaryPrimitives.ReadUInt64LittleEndian(key[i..]));
            i += 8;
        }

        if (i < key.Length)
        {
            ulong tail = 0;
            for (int k = key.Length - 1; k >= i; k--)
            {
                tail = (tail << 8) | key[k];
            }

            h = Mix(h ^ tail);
        }

        return Mix(h);

        static ulong Mix(ulong x)
        {
            unchecked
            {
                x *= K;
                x ^= x >> 29;
                x *= 0xBF58476D1CE4E5B9UL;
                return x ^ (x >> 32);
            }
        }
    }

    /// <summary>One stripe: an open-addressing table of 32-byte entries (the low half of the hash, the entry's ordinal in
    /// the stripe, the first 16 key bytes, the length and the id), so a lookup of a short id touches one cache line; the
    /// names (and the bytes of keys over 16 bytes) are kept beside it in order of adding, so adding writes them at the end
    /// of an array and growing the table moves only its entries. Lookups read without a lock: an entry is published by
    /// writing its id last, after its name and key, and a grown table or array replaces the old one whole; a lookup that
    /// misses takes the lock and looks again before adding.</summary>
    private sealed class Stripe
    {
        private Table _table = new(64);
        private int _count;
        private string[] _names = new string[32];
        private int[] _ids = new int[32];
        private byte[]?[] _longKeys = [];

        /// <summary>Gets the current table (for prefetching; may be stale by the time it is used).</summary>
        public Table Current => _table;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public unsafe int Find(ReadOnlySpan<byte> key, ulong hash)
        {
            Table t = Volatile.Read(ref _table);
            Entry* entries = t.Entries;
            int mask = t.Mask;
            int slot = unchecked((int)hash) & mask;
            uint low = unchecked((uint)hash);
            Inline(key, out ulong k0, out ulong k1);
            int found;
            while (true)
            {
                Entry* e = entries + slot;
                int id = Volatile.Read(ref e->Id);
                if (id == 0)
                {
                    found = -1;
                    break;
                }

                if (e->Hash == low && e->Length == key.Length && e->K0 == k0 && e->K1 == k1 && (key.Length <= 16 || LongKeyMatches(e->Ordinal, key)))
                {
                    found = id - 1;
                    break;
                }

                slot = (slot + 1) & mask;
            }

            // The table's memory is freed by its finalizer: it must outlive the reads through the pointer above.
            GC.KeepAlive(t);
            return found;
        }

        /// <summary>Looks up again and adds when missing; the caller holds the stripe's lock.</summary>
        public unsafe int GetOrAdd(ReadOnlySpan<byte> key, ulong hash, ref int next)
        {
            int found = Find(key, hash);
            if (found >= 0)
            {
                return found;
            }

            Table t = _table;
            Entry* entries = t.Entries;
            int mask = t.Mask;
            int slot = unchecked((int)hash) & mask;
            while (entries[slot].Id != 0)
            {
                slot = (slot + 1) & mask;
            }

            int ordinal = _count;
            if (ordinal == _names.Length)
            {
                // Readers may hold the old arrays: the new ones are published whole, with every name already copied.
                Volatile.Write(ref _names, Grown(_names));
                _ids = Grown(_ids);
                if (_longKeys.Length > 0)
                {
                    Volatile.Write(ref _longKeys, Grown(_longKeys));
                }
            }

            if (key.Length > 16)
            {
                if (_longKeys.Length == 0)
                {
                    Volatile.Write(ref _longKeys, new byte[]?[_names.Length]);
                }

                _longKeys[ordinal] = key.ToArray();
            }

            int created = Interlocked.Increment(ref next) - 1;
            _names[ordinal] = Encoding.UTF8.GetString(key);
            _ids[ordinal] = created;
            Inline(key, out ulong k0, out ulong k1);
            Entry* e = entries + slot;
            e->Hash = unchecked((uint)hash);
            e->Ordinal = ordinal;
            e->K0 = k0;
            e->K1 = k1;
            e->Length = key.Length;
            Volatile.Write(ref e->Id, created + 1);
            if (++_count * 2 > t.Size)
            {
                Volatile.Write(ref _table, t.Grown());
            }

            GC.KeepAlive(t);
            return created;
        }

        public void CopyNames(string[] names)
        {
            for (int i = 0; i < _count; i++)
            {
                names[_ids[i]] = _names[i];
            }
        }

        private bool LongKeyMatches(int ordinal, ReadOnlySpan<byte> key)
        {
            byte[]?[] keys = Volatile.Read(ref _longKeys);
            return (uint)ordinal < (uint)keys.Length && keys[ordinal] is { } bytes && key.SequenceEqual(bytes);
        }

        private static T[] Grown<T>(T[] array)
        {
            var grown = new T[array.Length * 2];
            array.CopyTo(grown, 0);
            return grown;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Inline(ReadOnlySpan<byte> key, out ulong k0, out ulong k1)
        {
            k0 = Word(key);
            k1 = key.Length > 8 ? Word(key[8..]) : 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Word(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length >= 8)
            {
                return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            }

            ulong word = 0;
            for (int i = bytes.Length - 1; i >= 0; i--)
            {
                word = (word << 8) | bytes[i];
            }

            return word;
        }
    }

    /// <summary>An entry: the low 32 bits of the hash (where it goes in a table of up to 2^31 slots, and a quick check),
    /// its ordinal in the stripe (where its name and long key are), the first 16 key bytes, the length and the id plus
    /// one (0 marks a free slot).</summary>
    private struct Entry
    {
        public uint Hash;
        public int Ordinal;
        public ulong K0;
        public ulong K1;
        public int Length;
        public int Id;
    }

    /// <summary>An open-addressing table of entries in native memory (<see cref="HugePages"/>). The memory is freed by the
    /// finalizer, once no lookup can read it: readers hold the table while they read through its pointer.</summary>
    private sealed unsafe class Table
    {
        public Table(int size)
        {
            Size = size;
            Mask = size - 1;
            Entries = (Entry*)HugePages.AllocateZeroed((nuint)size * (nuint)sizeof(Entry));
        }

        ~Table() => HugePages.Free(Entries, (nuint)Size * (nuint)sizeof(Entry));

        public int Size { get; }

        public int Mask { get; }

        public Entry* Entries { get; }

        public Table Grown()
        {
            var grown = new Table(Size * 2);
            int mask = grown.Mask;
            for (int i = 0; i < Size; i++)
            {
                if (Entries[i].Id == 0)
                {
                    continue;
                }

                int slot = unchecked((int)Entries[i].Hash) & mask;
                while (grown.Entries[slot].Id != 0)
                {
                    slot = (slot + 1) & mask;
                }

                grown.Entries[slot] = Entries[i];
            }

            GC.KeepAlive(this);
            return grown;
        }
    }
}
