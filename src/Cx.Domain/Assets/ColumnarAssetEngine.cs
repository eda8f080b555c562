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
/// by customer with a counting sort, using scratch buffers rented from <see cref="ArrayPool{T}.Shared"/> (one int per
/// row plus one per customer index), so steady-state allocation does not grow with the number of rows.</para>
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
        var totals = new MovementTotals(layout.Grid.Count);
        try
        {
            if (!TrySorted(layout, customerIndex, periodIndex, value, totals, failures))
            {
                totals = new MovementTotals(layout.Grid.Count);
                failures = new FailureCollector();
                Unsorted(layout, customerIndex, periodIndex, value, totals, failures);
            }
        }
        catch (OverflowException)
        {
            failures.Add(null, "period totals", "value", CxErrorCodes.ValueOverflow, "A period total overflows 64-bit units: the values are too large to add exactly.");
        }

        failures.ThrowIfAny("columnar asset input");
        return new AssetMovementPartial(layout.Grid, layout.Unit, layout.ActivityWindow, totals, 0, 0);
    }

    private static bool TrySorted(ColumnarAssetLayout layout, ReadOnlySpan<int> customer, ReadOnlySpan<int> period, ReadOnlySpan<long> value, MovementTotals totals, FailureCollector failures)
    {
        int first = layout.HistoryPeriodCount;
        int axis = layout.PeriodCount;
        int window = layout.ActivityWindow;
        var sink = new TotalsSink(totals, first);
        long customers = 0;
        int runStart = 0;
        int prevC = -1;
        int prevP = -1;
        for (int i = 0; i < customer.Length; i++)
        {
            int c = customer[i];
            int p = period[i];
            if (c != prevC)
            {
                if (c < prevC)
                {
                    return false;
                }

                if (i > 0 && !failures.Any)
                {
                    MovementSweep.Customer(period[runStart..i], value[runStart..i], default, false, first, axis, window, ref sink);
                }

                customers++;
                runStart = i;
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
            }

            if (c < 0 || unchecked((uint)p >= (uint)axis) || value[i] < 0)
            {
                RowFailures(failures, i, c, p, value[i], axis);
            }

            prevP = p;
        }

        if (!failures.Any)
        {
            MovementSweep.Customer(period[runStart..], value[runStart..], default, false, first, axis, window, ref sink);
        }

        totals.OpeningActive = sink.OpeningActive;
        totals.CustomerCount = customers;
        return true;
    }

    private static void Unsorted(ColumnarAssetLayout layout, ReadOnlySpan<int> customer, ReadOnlySpan<int> period, ReadOnlySpan<long> value, MovementTotals totals, FailureCollector failures)
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

        int rows = customer.Length;
        int slots = maxCustomer + 1;
        int[] start = ArrayPool<int>.Shared.Rent(slots + 1);
        int[] order = ArrayPool<int>.Shared.Rent(rows);
        int[] keys = ArrayPool<int>.Shared.Rent(64);
        long[] cells = ArrayPool<long>.Shared.Rent(64);
        try
        {
            // Counting sort of row ids by customer: start[c] is where customer c's rows begin in 'order'.
            Array.Clear(start, 0, slots + 1);
            for (int i = 0; i < rows; i++)
            {
                start[customer[i] + 1]++;
            }

            for (int c = 0; c < slots; c++)
            {
                start[c + 1] += start[c];
            }

            for (int i = 0; i < rows; i++)
            {
                order[start[customer[i]]++] = i;
            }

            // After the scatter start[c] is where customer c's rows end; they begin at start[c - 1] (0 for c = 0).
            int first = layout.HistoryPeriodCount;
            int window = layout.ActivityWindow;
            var sink = new TotalsSink(totals, first);
            long customers = 0;
            int begin = 0;
            for (int c = 0; c < slots; c++)
            {
                int end = start[c];
                int k = end - begin;
                if (k == 0)
                {
                    continue;
                }

                customers++;
                if (keys.Length < k)
                {
                    ArrayPool<int>.Shared.Return(keys);
                    ArrayPool<long>.Shared.Return(cells);
                    keys = ArrayPool<int>.Shared.Rent(k);
                    cells = ArrayPool<long>.Shared.Rent(k);
                }

                Span<int> ids = order.AsSpan(begin, k);
                Span<int> ps = keys.AsSpan(0, k);
                for (int j = 0; j < k; j++)
                {
                    ps[j] = period[ids[j]];
                }

                ps.Sort(ids);
                Span<long> vs = cells.AsSpan(0, k);
                for (int j = 0; j < k; j++)
                {
                    vs[j] = value[ids[j]];
                    if (j > 0 && ps[j] == ps[j - 1])
                    {
                        Duplicate(failures, Math.Min(ids[j - 1], ids[j]), Math.Max(ids[j - 1], ids[j]), c, ps[j]);
                    }
                }

                if (!failures.Any)
                {
                    MovementSweep.Customer(ps, vs, default, false, first, axis, window, ref sink);
                }

                begin = end;
            }

            totals.OpeningActive = sink.OpeningActive;
            totals.CustomerCount = customers;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(start);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<int>.Shared.Return(keys);
            ArrayPool<long>.Shared.Return(cells);
        }
    }

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
