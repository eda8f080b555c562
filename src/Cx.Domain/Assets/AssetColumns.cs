using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Assets;

/// <summary>Dated money records as columns, for bulk input (a file reader, a database cursor): one row per purchase,
/// invoice line or refund, with customers as dense indexes into a list of distinct ids. The input of
/// <see cref="AssetLedger.FromColumns"/>, which gives exactly the ledger <see cref="AssetLedger.FromRecords(IEnumerable{AssetRecord}, PeriodGrid, AssetLedgerOptions?)"/> gives for
/// the same rows as <see cref="AssetRecord"/>s.</summary>
/// <remarks>
/// <para>Row <c>i</c> is the record (<c>Customers[CustomerIndex[i]]</c>, <c>Date[i]</c>, <c>AmountInMinorUnits[i]</c>
/// minor units of <see cref="Currency"/>, segment <c>Segments[SegmentIndex[i]]</c> or none when the index is -1 or
/// there is no segment column). Nothing is checked here: <see cref="AssetLedger.FromColumns"/> validates every row and
/// reports every failure with its row number.</para>
/// <para>The columns are held, not copied: do not change them until the ledger is built (the ledger keeps none of
/// them). No per-row objects: at 14 million rows the four columns take 16 bytes a row.</para>
/// </remarks>
public sealed class AssetColumns
{
    /// <summary>Initializes the columns.</summary>
    /// <param name="currency">The currency of every amount.</param>
    /// <param name="customers">The distinct customer ids; row customer indexes point into this list.</param>
    /// <param name="customerIndex">The customer of each row, an index into <paramref name="customers"/>.</param>
    /// <param name="date">The date of each row (ISO calendar).</param>
    /// <param name="amountInMinorUnits">The amount of each row in minor units of <paramref name="currency"/>; negative
    /// for refunds.</param>
    /// <param name="segments">The distinct segment names, or null when no row has a segment.</param>
    /// <param name="segmentIndex">The segment of each row, an index into <paramref name="segments"/> or -1 for none;
    /// empty when there is no segment column.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customers"/> is null.</exception>
    public AssetColumns(
        Currency currency,
        IReadOnlyList<CustomerId> customers,
        ReadOnlyMemory<int> customerIndex,
        ReadOnlyMemory<LocalDate> date,
        ReadOnlyMemory<long> amountInMinorUnits,
        IReadOnlyList<string>? segments = null,
        ReadOnlyMemory<int> segmentIndex = default)
    {
        ArgumentNullException.ThrowIfNull(customers);
        Currency = currency;
        Customers = customers;
        CustomerIndex = customerIndex;
        Date = date;
        AmountInMinorUnits = amountInMinorUnits;
        Segments = segments ?? [];
        SegmentIndex = segmentIndex;
    }

    /// <summary>Gets the currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the distinct customer ids, in the order their indexes number them.</summary>
    public IReadOnlyList<CustomerId> Customers { get; }

    /// <summary>Gets the customer index of each row.</summary>
    public ReadOnlyMemory<int> CustomerIndex { get; }

    /// <summary>Gets the date of each row.</summary>
    public ReadOnlyMemory<LocalDate> Date { get; }

    /// <summary>Gets the amount of each row, in minor units of <see cref="Currency"/>.</summary>
    public ReadOnlyMemory<long> AmountInMinorUnits { get; }

    /// <summary>Gets the distinct segment names (empty when there are none).</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Gets the segment index of each row (-1 for none), or an empty column when there are no segments.</summary>
    public ReadOnlyMemory<int> SegmentIndex { get; }

    /// <summary>Gets the number of rows (the length of the customer column).</summary>
    public int RowCount => CustomerIndex.Length;

    /// <summary>Interns records into columns: customers and segments numbered in order of first appearance, as file
    /// readers do.</summary>
    /// <param name="records">The records, all in <paramref name="currency"/>.</param>
    /// <param name="currency">The currency of the amounts.</param>
    /// <returns>The columns; <see cref="AssetLedger.FromColumns"/> on them gives the ledger of
    /// <see cref="AssetLedger.FromRecords(IEnumerable{AssetRecord}, PeriodGrid, AssetLedgerOptions?)"/> on the records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentException">A record's amount is in another currency.</exception>
    public static AssetColumns FromRecords(IReadOnlyList<AssetRecord> records, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(records);
        var customers = new List<CustomerId>();
        var customerSlots = new Dictionary<CustomerId, int>();
        var segments = new List<string>();
        var segmentSlots = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] customer = new int[records.Count];
        var date = new LocalDate[records.Count];
        long[] amount = new long[records.Count];
        int[] segment = new int[records.Count];
        for (int i = 0; i < records.Count; i++)
        {
            AssetRecord r = records[i];
            if (r.Amount.Currency != currency)
            {
                throw new ArgumentException($"Expected every amount in {currency}, got {r.Amount.Currency} at record #{i}.", nameof(records));
            }

            if (!customerSlots.TryGetValue(r.Customer, out int c))
            {
                c = customers.Count;
                customerSlots.Add(r.Customer, c);
                customers.Add(r.Customer);
            }

            int s = -1;
            if (r.Segment is { } name && !segmentSlots.TryGetValue(name, out s))
            {
                s = segments.Count;
                segmentSlots.Add(name, s);
                segments.Add(name);
            }

            customer[i] = c;
            date[i] = r.Date;
            amount[i] = r.Amount.MinorUnits;
            segment[i] = s;
        }

        return new AssetColumns(currency, customers, customer, date, amount, segments, segment);
    }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>asset columns USD, 14000 rows, 1000 customers</c>.</returns>
    public override string ToString() => $"asset columns {Currency}, {RowCount} rows, {Customers.Count} customers";
}
