using NodaTime;

namespace Cx.Domain.IO.Internal;

/// <summary>The columns of a whole revenue file, written in place by the blocks: each block reserves as many rows as it
/// can hold (its line breaks, <see cref="BlockDriver.RowBound"/>) and writes its rows there from any thread; the rows
/// reserved and not used are closed up once, at the end. Sized from the first block and the file's length, so a file
/// is read into one set of arrays (no growing per block, no copy of every block into the result).</summary>
/// <remarks>Reservations are made by one thread (the one cutting blocks); the arrays grow only when no block is being
/// parsed (<see cref="SinkFactory{TSink}"/>'s quiet moment). A block that used fewer rows than it reserved gives the
/// rest back when nothing was reserved after it.</remarks>
internal sealed class RevenueStore
{
    private readonly long _expectedBytes;
    private int _reserved;

    /// <summary>Initializes an empty store.</summary>
    /// <param name="segmented">Whether rows have a segment.</param>
    /// <param name="expectedBytes">The length of the data to come in bytes, or -1 when unknown (sizes the arrays from the
    /// first block).</param>
    public RevenueStore(bool segmented, long expectedBytes)
    {
        Segmented = segmented;
        _expectedBytes = expectedBytes;
    }

    public bool Segmented { get; }

    public int[] Customer { get; private set; } = [];

    public LocalDate[] Date { get; private set; } = [];

    public long[] Amount { get; private set; } = [];

    public int[] Segment { get; private set; } = [];

    /// <summary>Gets how many rows the arrays hold.</summary>
    public int Capacity => Customer.Length;

    /// <summary>Reserves rows for a block.</summary>
    /// <param name="bytes">The block's length in bytes (to size the arrays from the first block).</param>
    /// <param name="rows">How many rows to reserve.</param>
    /// <param name="quiet">Whether the arrays may grow (no block is writing).</param>
    /// <param name="start">The first row reserved.</param>
    /// <returns><see langword="false"/> when the rows do not fit and the arrays may not grow now.</returns>
    public bool TryReserve(int bytes, int rows, bool quiet, out int start)
    {
        while (true)
        {
            int at = Volatile.Read(ref _reserved);
            long end = (long)at + rows;
            if (end > Capacity)
            {
                if (!quiet)
                {
                    start = -1;
                    return false;
                }

                Grow(bytes, rows, end);
            }

            if (Interlocked.CompareExchange(ref _reserved, (int)end, at) == at)
            {
                start = at;
                return true;
            }
        }
    }

    /// <summary>Gives back the rows a block reserved and did not use, when no block reserved after it.</summary>
    public void Release(int start, int reserved, int used)
    {
        _ = Interlocked.CompareExchange(ref _reserved, start + used, start + reserved);
    }

    private void Grow(int bytes, int rows, long end)
    {
        long size;
        if (Capacity == 0 && _expectedBytes > 0 && bytes > 0)
        {
            // The first block: as many rows as the whole file holds at this block's rate, and a little more.
            size = (long)(rows * ((double)_expectedBytes / bytes) * 1.03) + rows + 1024;
        }
        else
        {
            size = Math.Max(2L * Capacity, 1024);
        }

        size = Math.Min(Math.Max(size, end), Array.MaxLength);
        if (size < end)
        {
            throw new InvalidOperationException("The file has more rows than an array can hold.");
        }

        int n = (int)size;
        int kept = Volatile.Read(ref _reserved);
        Customer = Resized(Customer, n, kept);
        Date = Resized(Date, n, kept);
        Amount = Resized(Amount, n, kept);
        if (Segmented)
        {
            Segment = Resized(Segment, n, kept);
        }
    }

    private static T[] Resized<T>(T[] array, int size, int kept)
    {
        T[] bigger = GC.AllocateUninitializedArray<T>(size);
        array.AsSpan(0, kept).CopyTo(bigger);
        return bigger;
    }
}
