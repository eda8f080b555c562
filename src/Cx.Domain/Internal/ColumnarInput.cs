using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;

namespace Cx.Domain.Internal;

/// <summary>Validates <see cref="AssetColumns"/> for <see cref="AssetLedger.FromColumns"/> and maps each row's date to its
/// period relative to the grid, with the same rules (and messages) as the record path.</summary>
internal static class ColumnarInput
{
    /// <summary>Checks the currency and the column lengths; returns whether the lengths agree (the rows can be read).</summary>
    public static bool CheckShape(AssetColumns columns, AssetLedgerOptions options, FailureCollector failures)
    {
        const string Subject = "asset columns";
        if (!RecordRules.CurrencyPresent(columns.Currency))
        {
            failures.Add(null, Subject, "Currency", CxErrorCodes.CurrencyMissing, RecordRules.CurrencyMissingMessage);
        }
        else if (!RecordRules.CurrencyMatches(columns.Currency, options.Currency))
        {
            failures.Add(null, Subject, "Currency", CxErrorCodes.CurrencyMismatch,
                $"Expected amounts in the ledger's currency {options.Currency}, got columns in {columns.Currency.Code}. Mixed currencies are never summed: convert the amounts, or build one ledger per currency.");
        }

        int rows = columns.RowCount;
        bool segmented = !columns.SegmentIndex.IsEmpty;
        if (columns.Date.Length != rows || columns.AmountInMinorUnits.Length != rows || (segmented && columns.SegmentIndex.Length != rows))
        {
            string segment = segmented ? string.Create(CultureInfo.InvariantCulture, $", segment {columns.SegmentIndex.Length}") : string.Empty;
            failures.Add(null, Subject, "columns", CxErrorCodes.ColumnarLengthMismatch, string.Create(CultureInfo.InvariantCulture,
                $"Expected columns of one length, got customer {rows}, date {columns.Date.Length}, amount {columns.AmountInMinorUnits.Length}{segment} rows."));
            return false;
        }

        return true;
    }

    /// <summary>Checks that the customer ids and segment names are valid and distinct.</summary>
    public static void CheckNames(AssetColumns columns, FailureCollector failures)
    {
        var seen = new HashSet<CustomerId>(columns.Customers.Count);
        for (int k = 0; k < columns.Customers.Count; k++)
        {
            CustomerId id = columns.Customers[k];
            if (!RecordRules.CustomerOk(id))
            {
                failures.Add(null, string.Create(CultureInfo.InvariantCulture, $"customer #{k}"), "Customers", CxErrorCodes.CustomerIdEmpty, RecordRules.CustomerMessage);
            }
            else if (!seen.Add(id))
            {
                failures.Add(null, string.Create(CultureInfo.InvariantCulture, $"customer #{k}"), "Customers", CxErrorCodes.ColumnsCustomerRepeated,
                    $"Expected distinct customer ids, got '{id}' a second time. Intern each id once and point every row of that customer at its index.");
            }
        }

        var names = new HashSet<string>(columns.Segments.Count, StringComparer.Ordinal);
        for (int k = 0; k < columns.Segments.Count; k++)
        {
            string name = columns.Segments[k];
            if (name is null || !RecordRules.SegmentOk(name))
            {
                failures.Add(null, string.Create(CultureInfo.InvariantCulture, $"segment #{k}"), "Segments", CxErrorCodes.SegmentInvalid, RecordRules.SegmentMessage);
            }
            else if (!names.Add(name))
            {
                failures.Add(null, string.Create(CultureInfo.InvariantCulture, $"segment #{k}"), "Segments", CxErrorCodes.ColumnsSegmentRepeated,
                    $"Expected distinct segment names, got '{name}' a second time. Intern each name once and point every row of that segment at its index.");
            }
        }
    }

    /// <summary>Checks every row and writes its period relative to the grid (<see cref="LedgerBuilder.ExcludedRow"/> when
    /// left out after the grid) and, with segments, its epoch day.</summary>
    /// <returns>How many rows were left out after the grid.</returns>
    /// <remarks>Large inputs are checked in row ranges on all cores; the failures are reported in row order whatever
    /// the threads did.</remarks>
    public static long MapRows(AssetColumns columns, PeriodGrid grid, AssetLedgerOptions options, int[] rel, int[] dateKey, FailureCollector failures)
    {
        int rows = columns.RowCount;
        int ranges = rows < (1 << 16) ? 1 : Math.Min(Environment.ProcessorCount, 16);
        if (ranges == 1)
        {
            return MapRows(columns, grid, options, rel, dateKey, failures, 0, rows);
        }

        int size = (rows + ranges - 1) / ranges;
        var found = new FailureCollector[ranges];
        long[] excluded = new long[ranges];
        Parallelism.ForEach(ranges, r =>
        {
            found[r] = new FailureCollector();
            excluded[r] = MapRows(columns, grid, options, rel, dateKey, found[r], r * size, Math.Min(rows, (r + 1) * size));
        });

        long total = 0;
        for (int r = 0; r < ranges; r++)
        {
            failures.AddFrom(found[r]);
            total += excluded[r];
        }

        return total;
    }

    private static long MapRows(AssetColumns columns, PeriodGrid grid, AssetLedgerOptions options, Span<int> rel, Span<int> dateKey, FailureCollector failures, int from, int to)
    {
        ReadOnlySpan<int> customer = columns.CustomerIndex.Span;
        ReadOnlySpan<NodaTime.LocalDate> date = columns.Date.Span;
        ReadOnlySpan<int> segment = columns.SegmentIndex.Span;
        int customerCount = columns.Customers.Count;
        int segmentCount = columns.Segments.Count;
        bool segmented = !segment.IsEmpty;
        bool regular = grid.IsRegular;
        int gridCount = grid.Count;
        long excluded = 0;
        for (int i = from; i < to; i++)
        {
            bool ok = true;
            if (unchecked((uint)customer[i] >= (uint)customerCount))
            {
                failures.Add(i, null, "Customer", CxErrorCodes.ColumnarCustomerIndexInvalid, string.Create(CultureInfo.InvariantCulture,
                    $"Expected a customer index from 0 to {customerCount - 1} (the customer list), got {customer[i]}."));
                ok = false;
            }

            if (segmented && (segment[i] < -1 || segment[i] >= segmentCount))
            {
                failures.Add(i, null, "Segment", CxErrorCodes.ColumnsSegmentIndexInvalid, string.Create(CultureInfo.InvariantCulture,
                    $"Expected a segment index from -1 (none) to {segmentCount - 1} (the segment list), got {segment[i]}."));
                ok = false;
            }

            if (!RecordRules.DateOk(date[i]))
            {
                failures.Add(i, null, "Date", CxErrorCodes.DateNotIso, RecordRules.DateMessage);
                continue;
            }

            if (LedgerDates.TooEarly(date[i]))
            {
                failures.Add(i, null, "Date", CxErrorCodes.TimeOutOfRange, LedgerDates.TooEarlyMessage(date[i]));
                continue;
            }

            int r = grid.IndexOf(date[i]);
            if (r >= gridCount)
            {
                if (options.AfterGrid == AfterGridPolicy.Exclude)
                {
                    excluded++;
                    rel[i] = LedgerBuilder.ExcludedRow;
                    continue;
                }

                (string code, string message) = LedgerDates.AfterGrid(grid, date[i]);
                failures.Add(i, null, "Date", code, message);
                ok = false;
            }

            if (ok)
            {
                rel[i] = regular ? r : Math.Max(r, -1);
                if (segmented)
                {
                    dateKey[i] = (int)CalendarMath.EpochDay(date[i]);
                }
            }
        }

        return excluded;
    }

    /// <summary>Numbers customers and segments in order of first appearance among the rows kept, as the record path
    /// does; returns the columns as they are when they already are (no copy), else renumbered copies.</summary>
    public static (IReadOnlyList<CustomerId> Customers, ReadOnlyMemory<int> Slot, IReadOnlyList<string> Segments, ReadOnlyMemory<int> Segment) InOrderOfAppearance(AssetColumns columns, ReadOnlySpan<int> rel)
    {
        ReadOnlySpan<int> customer = columns.CustomerIndex.Span;
        ReadOnlySpan<int> segment = columns.SegmentIndex.Span;
        bool segmented = !segment.IsEmpty;
        int nextCustomer = 0;
        int nextSegment = 0;
        bool inOrder = true;
        for (int i = 0; i < customer.Length && inOrder; i++)
        {
            if (rel[i] == LedgerBuilder.ExcludedRow)
            {
                inOrder = false;
                break;
            }

            int c = customer[i];
            if (c == nextCustomer)
            {
                nextCustomer++;
            }
            else if (c > nextCustomer)
            {
                inOrder = false;
            }

            if (segmented)
            {
                int s = segment[i];
                if (s == nextSegment)
                {
                    nextSegment++;
                }
                else if (s > nextSegment)
                {
                    inOrder = false;
                }
            }
        }

        if (inOrder && nextCustomer == columns.Customers.Count && nextSegment == columns.Segments.Count)
        {
            return (columns.Customers, columns.CustomerIndex, columns.Segments, columns.SegmentIndex);
        }

        int[] customerMap = new int[columns.Customers.Count];
        customerMap.AsSpan().Fill(-1);
        int[] segmentMap = new int[columns.Segments.Count];
        segmentMap.AsSpan().Fill(-1);
        var customers = new List<CustomerId>();
        var segments = new List<string>();
        int[] slot = new int[customer.Length];
        int[] seg = segmented ? new int[customer.Length] : [];
        for (int i = 0; i < customer.Length; i++)
        {
            if (rel[i] == LedgerBuilder.ExcludedRow)
            {
                continue;
            }

            ref int c = ref customerMap[customer[i]];
            if (c < 0)
            {
                c = customers.Count;
                customers.Add(columns.Customers[customer[i]]);
            }

            slot[i] = c;
            if (segmented)
            {
                int s = segment[i];
                if (s >= 0)
                {
                    ref int m = ref segmentMap[s];
                    if (m < 0)
                    {
                        m = segments.Count;
                        segments.Add(columns.Segments[s]);
                    }

                    s = m;
                }

                seg[i] = s;
            }
        }

        return (customers, slot, segments, seg);
    }
}
