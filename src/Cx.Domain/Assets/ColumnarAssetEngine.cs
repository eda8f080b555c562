using System.Buffers;
using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Assets;

/// <summary>The fast path for bulk data: asset movements from three columns (customer index, period index, value in
/// units), with no per-row allocation, giving exactly the results of the object path.</summary>
/// <remarks>
/// <para>Each row is one customer's value in one period (sum the records of a period first). Customer indices are
/// dense integers from 0 (map your ids to indices); values are zero or more; a customer and period appears at most once.</para>
/// <para>Rows sorted by (customer, period) are processed in one pass. Otherwise the engine detects it and groups rows
/// by customer with a two-level counting sort (blocks of 1,024 customers, then customers within a block, for cache
/// locality), using scratch buffers rented from <see cref="ArrayPool{T}.Shared"/> (16 bytes per row), so steady-state
/// allocation does not grow with the number of rows.</para>
/// <para>Results are partials: compute one per partition of customers and merge them.</para>
/// </remarks>
public static class ColumnarAssetEngine
{
    /// <summary>Computes the movements of the rows.</summary>
    /// <param name="layout">How period indices map to the grid, the unit and the activity window.</param>
    /// <param name="customerIndex">The customer of each row: 0 or more.</param>
    /// <param name="periodIndex">The period of each row: 0 to <see cref="ColumnarAssetLayout.PeriodCount"/> - 1.</param>
    /// <param name="value">The customer's value in that period, in units: 0 or more.</param>
    /// <returns>The partial; call <see cref="AssetMovementPartial.ToReport"/> for the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layout"/> is null.</exception>
    /// <exception cref="CxValidationException">The columns differ in length, are empty, or rows are invalid (negative
    /// index or value, period out of range, duplicate customer and period): every failure with its row number.</exception>
    public static AssetMovementPartial Compute(ColumnarAssetLayout layout, ReadOnlySpan<int> customerIndex, ReadOnlySpan<int> periodIndex, ReadOnlySpan<long> value)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var failures = new FailureCollector();
        if (customerIndex.Length != periodIndex.Length || customerIndex.Length != value.Length)
        {
            failures.Add(null, "columns", "columns", CxErrorCodes.ColumnarLengthMismatch,
                string.Create(CultureInfo.InvariantCulture, $"Expected three columns of one length, got customer {customerIndex.Length}, period {periodIndex.Length}, value {value.Length} rows."));
        }
        else if (customerIndex.IsEmpty)
        {
            failures.Add(null, "columns", "rows", CxErrorCodes.InputEmpty, "Expected at least one row, got none.");
        }

        failures.ThrowIfAny("columnar asset input");
        int degree = customerIndex.Length >= ParallelThreshold ? Math.Clamp(Environment.ProcessorCount, 1, MaxDegreeOfParallelism) : 1;
        var totals = new MovementTotals(layout.Grid.Count);
        try
        {
            bool sorted = degree > 1
                ? TrySortedParallel(layout, customerIndex, periodIndex, value, totals, failures, degree)
                : TrySorted(layout, customerIndex, periodIndex, value, totals, failures);
            if (!sorted)
            {
                totals = new MovementTotals(layout.Grid.Count);
                failures = new FailureCollector();
                Unsorted(layout, customerIndex, periodIndex, value, totals, failures, degree);
            }
        }
        catch (OverflowException)
        {
            failures.Add(null, "period totals", "value", CxErrorCodes.ValueOverflow, "A period total overflows 64-bit units: the values are too large to add exactly.");
        }

        failures.ThrowIfAny("columnar asset input");
        return new AssetMovementPartial(layout.Grid, layout.Unit, layout.ActivityWindow, totals, 0, 0);
    }

    /// <summary>Inputs of at least this many rows are split across cores (internal so tests can lower it).</summary>
    internal static int ParallelThreshold { get; set; } = 1 << 20;

    private const int MaxDegreeOfParallelism = 8;

    /// <summary>The sorted pass on <paramref name="degree"/> slices cut at customer boundaries, one core each; the slices'
    /// counters add up to the whole because every customer lies in one slice.</summary>
    private static unsafe bool TrySortedParallel(ColumnarAssetLayout layout, ReadOnlySpan<int> customer, ReadOnlySpan<int> period, ReadOnlySpan<long> value, MovementTotals totals, FailureCollector failures, int degree)
    {
        int n = customer.Length;
        int[] bounds = new int[degree + 1];
        bounds[degree] = n;
        for (int k = 1; k < degree; k++)
        {
            int b = Math.Max((int)((long)n * k / degree), bounds[k - 1]);
            while (b > 0 && b < n && customer[b] == customer[b - 1])
            {
                b++;
            }

            bounds[k] = b;
            if (b > 0 && b < n && customer[b] < customer[b - 1])
            {
                return false;
            }
        }

        var parts = new MovementTotals[degree];
        var partFailures = new FailureCollector[degree];
        bool[] ok = new bool[degree];
        fixed (int* pc = customer)
        fixed (int* pp = period)
        fixed (long* pv = value)
        {
            nint c0 = (nint)pc;
            nint p0 = (nint)pp;
            nint v0 = (nint)pv;
            Parallel.For(0, degree, new ParallelOptions { MaxDegreeOfParallelism = degree }, k =>
            {
                int start = bounds[k];
                int length = bounds[k + 1] - start;
                parts[k] = new MovementTotals(totals.PeriodCount);
                partFailures[k] = new FailureCollector();
                ok[k] = TrySorted(
                    layout,
                    new ReadOnlySpan<int>((int*)c0 + start, length),
                    new ReadOnlySpan<int>((int*)p0 + start, length),
                    new ReadOnlySpan<long>((long*)v0 + start, length),
                    parts[k],
                    partFailures[k]);
            });
        }

        if (ok.Contains(false))
        {
            return false;
        }

        if (partFailures.Any(f => f.Any))
        {
            // Rare: report the failures in row order, with whole-input row numbers, from one sequential pass.
            return TrySorted(layout, customer, period, value, totals, failures);
        }

        foreach (MovementTotals part in parts)
        {
            totals.Add(part);
        }

        return true;
    }

    private static bool TrySorted(ColumnarAssetLayout layout, ReadOnlySpan<int> customer, ReadOnlySpan<int> period, ReadOnlySpan<long> value, MovementTotals totals, FailureCollector failures)
    {
        int axis = layout.PeriodCount;
        var sink = new TotalsSink(totals, layout.HistoryPeriodCount);
        var sweep = new MovementSweep(layout.HistoryPeriodCount, axis, layout.ActivityWindow);
        long customers = 0;
        int prevC = int.MinValue;
        int prevP = -1;
        bool clean = true;

        // One fused pass: check each row, detect order, and feed the sweep; the first row out of (customer, period)
        // order hands the input to the unsorted path.
        for (int i = 0; i < customer.Length; i++)
        {
            int c = customer[i];
            int p = period[i];
            long v = value[i];
            if (c != prevC)
            {
                if (c < prevC)
                {
                    return false;
                }

                if (customers > 0)
                {
                    sweep.End(ref sink);
                }

                customers++;
                sweep.Begin(false);
                prevC = c;
                prevP = -1;
            }
            else if (p <= prevP)
            {
                if (p < prevP)
                {
                    return false;
                }

                Duplicate(failures, i - 1, i, c, p);
                clean = false;
            }

            if (c < 0 || unchecked((uint)p >= (uint)axis) || v < 0)
            {
                RowFailures(failures, i, c, p, v, axis);
                clean = false;
            }

            if (clean)
            {
                sweep.Cell(p, v, -1, ref sink);
            }

            prevP = p;
        }

        if (customers > 0 && clean)
        {
            sweep.End(ref sink);
        }

        totals.OpeningActive = sink.OpeningActive;
        totals.OpeningValue = sink.OpeningValue;
        totals.CustomerCount = customers;
        return true;
    }

    private static void Unsorted(ColumnarAssetLayout layout, ReadOnlySpan<int> customer, ReadOnlySpan<int> period, ReadOnlySpan<long> value, MovementTotals totals, FailureCollector failures, int degree)
    {
        int axis = layout.PeriodCount;
        int maxCustomer = -1;
        for (int i = 0; i < customer.Length; i++)
        {
            int c = customer[i];
            if (c < 0 || unchecked((uint)period[i] >= (uint)axis) || value[i] < 0)
            {
                RowFailures(failures, i, c, period[i], value[i], axis);
            }
            else if (c > maxCustomer)
            {
                maxCustomer = c;
            }
        }

        if (failures.Any)
        {
            return;
        }

        // Two-level partition with good locality: first by blocks of 2^BlockBits customers into one scratch array
        // (about a thousand sequential write streams), then each block, small enough for the cache, by customer.
        int rows = customer.Length;
        int blocks = (maxCustomer >> BlockBits) + 1;
        int[] blockStart = ArrayPool<int>.Shared.Rent(blocks + 1);
        Row[] scratch = ArrayPool<Row>.Shared.Rent(rows);
        try
        {
            Span<int> starts = blockStart.AsSpan(0, blocks + 1);
            starts.Clear();
            for (int i = 0; i < rows; i++)
            {
                starts[(customer[i] >> BlockBits) + 1]++;
            }

            for (int b = 0; b < blocks; b++)
            {
                starts[b + 1] += starts[b];
            }

            for (int i = 0; i < rows; i++)
            {
                ref int next = ref starts[customer[i] >> BlockBits];
                scratch[next++] = new Row(customer[i], period[i], value[i]);
            }

            // After the scatter starts[b] is where block b ends; it begins where block b - 1 ends. Blocks are
            // independent: each worker sweeps a contiguous range of blocks into its own counters.
            int workers = Math.Min(degree, blocks);
            int[] ranges = new int[workers + 1];
            ranges[workers] = blocks;
            for (int w = 1, b = 0; w < workers; w++)
            {
                long target = (long)rows * w / workers;
                while (b < blocks && starts[b] < target)
                {
                    b++;
                }

                ranges[w] = Math.Max(b, ranges[w - 1]);
            }

            var parts = new MovementTotals[workers];
            var duplicates = new List<int>[workers];
            ReadOnlySpan<int> blockEnds = starts;
            if (workers == 1)
            {
                parts[0] = totals;
                duplicates[0] = SweepBlocks(layout, scratch, blockEnds, 0, blocks, totals);
            }
            else
            {
                Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
                {
                    parts[w] = new MovementTotals(totals.PeriodCount);
                    duplicates[w] = SweepBlocks(layout, scratch, blockStart.AsSpan(0, blocks + 1), ranges[w], ranges[w + 1], parts[w]);
                });
                foreach (MovementTotals part in parts)
                {
                    totals.Add(part);
                }
            }

            foreach (int c in duplicates.SelectMany(d => d).Order())
            {
                DuplicateRows(failures, customer, period, c);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(blockStart);
            ArrayPool<Row>.Shared.Return(scratch);
        }
    }

    /// <summary>Groups blocks [<paramref name="fromBlock"/>, <paramref name="toBlock"/>) by customer in cache and sweeps
    /// them; returns the customers with duplicated periods (not swept).</summary>
    private static List<int> SweepBlocks(ColumnarAssetLayout layout, Row[] scratch, ReadOnlySpan<int> blockEnds, int fromBlock, int toBlock, MovementTotals totals)
    {
        var duplicates = new List<int>();
        int[] customerStart = ArrayPool<int>.Shared.Rent((1 << BlockBits) + 1);
        int[] periods = ArrayPool<int>.Shared.Rent(64);
        long[] values = ArrayPool<long>.Shared.Rent(64);
        try
        {
            int first = layout.HistoryPeriodCount;
            var sink = new TotalsSink(totals, first);
            var sweep = new MovementSweep(first, layout.PeriodCount, layout.ActivityWindow);
            long customers = 0;
            for (int b = fromBlock; b < toBlock; b++)
            {
                int blockBegin = b == 0 ? 0 : blockEnds[b - 1];
                int blockRows = blockEnds[b] - blockBegin;
                if (blockRows == 0)
                {
                    continue;
                }

                if (periods.Length < blockRows)
                {
                    ArrayPool<int>.Shared.Return(periods);
                    ArrayPool<long>.Shared.Return(values);
                    periods = ArrayPool<int>.Shared.Rent(blockRows);
                    values = ArrayPool<long>.Shared.Rent(blockRows);
                }

                // Counting sort of the block by customer, into the period and value columns.
                ReadOnlySpan<Row> block = scratch.AsSpan(blockBegin, blockRows);
                Span<int> cs = customerStart.AsSpan(0, (1 << BlockBits) + 1);
                cs.Clear();
                foreach (ref readonly Row row in block)
                {
                    cs[(row.Customer & BlockMask) + 1]++;
                }

                for (int k = 0; k < 1 << BlockBits; k++)
                {
                    cs[k + 1] += cs[k];
                }

                foreach (ref readonly Row row in block)
                {
                    int at = cs[row.Customer & BlockMask]++;
                    periods[at] = row.Period;
                    values[at] = row.Value;
                }

                int begin = 0;
                for (int k = 0; k < 1 << BlockBits; k++)
                {
                    int end = cs[k];
                    if (end == begin)
                    {
                        continue;
                    }

                    customers++;
                    Span<int> ps = periods.AsSpan(begin, end - begin);
                    Span<long> vs = values.AsSpan(begin, end - begin);
                    if (SortByPeriod(ps, vs))
                    {
                        duplicates.Add((b << BlockBits) + k);
                    }
                    else if (duplicates.Count == 0)
                    {
                        sweep.Begin(false);
                        for (int j = 0; j < ps.Length; j++)
                        {
                            sweep.Cell(ps[j], vs[j], -1, ref sink);
                        }

                        sweep.End(ref sink);
                    }

                    begin = end;
                }
            }

            totals.OpeningActive += sink.OpeningActive;
            totals.OpeningValue += sink.OpeningValue;
            totals.CustomerCount += customers;
            return duplicates;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(customerStart);
            ArrayPool<int>.Shared.Return(periods);
            ArrayPool<long>.Shared.Return(values);
        }
    }

    /// <summary>Insertion sort of one customer's few rows by period; returns true when two rows share a period.</summary>
    private static bool SortByPeriod(Span<int> periods, Span<long> values)
    {
        bool duplicate = false;
        for (int i = 1; i < periods.Length; i++)
        {
            int p = periods[i];
            long v = values[i];
            int j = i - 1;
            while (j >= 0 && periods[j] > p)
            {
                periods[j + 1] = periods[j];
                values[j + 1] = values[j];
                j--;
            }

            duplicate |= j >= 0 && periods[j] == p;
            periods[j + 1] = p;
            values[j + 1] = v;
        }

        return duplicate;
    }

    /// <summary>Reports the rows of a customer's duplicated periods (rare, so a scan of the input is fine).</summary>
    private static void DuplicateRows(FailureCollector failures, ReadOnlySpan<int> customer, ReadOnlySpan<int> period, int c)
    {
        var firstRowOfPeriod = new Dictionary<int, int>();
        for (int i = 0; i < customer.Length; i++)
        {
            if (customer[i] == c)
            {
                if (firstRowOfPeriod.TryGetValue(period[i], out int firstRow))
                {
                    Duplicate(failures, firstRow, i, c, period[i]);
                }
                else
                {
                    firstRowOfPeriod.Add(period[i], i);
                }
            }
        }
    }

    private const int BlockBits = 10;
    private const int BlockMask = (1 << BlockBits) - 1;

    private readonly record struct Row(int Customer, int Period, long Value);

    private static void RowFailures(FailureCollector failures, int row, int customer, int period, long value, int axis)
    {
        if (customer < 0)
        {
            failures.Add(row, null, "customerIndex", CxErrorCodes.ColumnarCustomerIndexInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected a customer index of 0 or more, got {customer}."));
        }

        if (unchecked((uint)period >= (uint)axis))
        {
            failures.Add(row, null, "periodIndex", CxErrorCodes.ColumnarPeriodIndexInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected a period index from 0 to {axis - 1} (history plus grid), got {period}."));
        }

        if (value < 0)
        {
            failures.Add(row, null, "value", CxErrorCodes.ColumnarValueNegative,
                string.Create(CultureInfo.InvariantCulture, $"Expected a value of 0 or more, got {value}. A customer's value in a period cannot be negative; net refunds first."));
        }
    }

    private static void Duplicate(FailureCollector failures, int firstRow, int row, int customer, int period) =>
        failures.Add(row, null, "periodIndex", CxErrorCodes.ColumnarDuplicateRow,
            string.Create(CultureInfo.InvariantCulture, $"Expected one row per customer and period, but rows #{firstRow} and #{row} both hold customer {customer}, period {period}. Sum them into one row."));
}
