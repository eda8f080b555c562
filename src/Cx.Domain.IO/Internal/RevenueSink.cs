using System.Runtime.CompilerServices;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using FluentValidation.Results;
using NodaTime;

namespace Cx.Domain.IO.Internal;

/// <summary>The rows of one block of a revenue file, as columns: customers and segments numbered by the shared interners
/// (a string only for a text not seen before), dates and amounts parsed from the bytes.</summary>
internal sealed class RevenueSink : CheckedSink
{
    /// <summary>How many customer lookups are hashed and prefetched before they are made.</summary>
    private const int Batch = 32;

    private readonly RevenueShared _shared;
    private byte[] _scratch = new byte[256];

    // Lookups waiting for their batch: the row (in the columns), the id's place in the block and its hash; a length of -1
    // means the same id as the row before (sorted exports), with no lookup.
    private readonly Pending[] _pending = new Pending[Batch];
    private int _pendingCount;
    private int _lastStart = -1;
    private int _lastLength;
    private int _lastCustomer = -1;

    private readonly int[] _customer;
    private readonly LocalDate[] _date;
    private readonly long[] _amount;
    private readonly int[] _segment;
    private readonly int _capacity;

    /// <summary>Initializes the sink of a block whose rows go to <paramref name="start"/> and on in the shared store.</summary>
    /// <param name="context">What every block shares.</param>
    /// <param name="shared">The parsers, interners and store.</param>
    /// <param name="start">The first row reserved for the block in the store.</param>
    /// <param name="capacity">How many rows were reserved.</param>
    public RevenueSink(ReaderContext context, RevenueShared shared, int start, int capacity)
        : base(context)
    {
        _shared = shared;
        Start = start;
        _capacity = capacity;
        RevenueStore store = shared.Store;
        _customer = store.Customer;
        _date = store.Date;
        _amount = store.Amount;
        _segment = store.Segment;
    }

    /// <summary>Gets the block's first row in the store; its rows are <see cref="CheckedSink.RowCount"/> from there.</summary>
    public int Start { get; }

    /// <summary>Creates the sink of a block of text, reserving its rows in the store; null when the store must grow and
    /// other blocks are in flight.</summary>
    public static RevenueSink? Create(ReaderContext context, RevenueShared shared, int bytes, int rowBound, bool quiet) =>
        shared.Store.TryReserve(bytes, rowBound, quiet, out int start) ? new RevenueSink(context, shared, start, rowBound) : null;

    public LocalDate? First { get; private set; }

    public LocalDate? Last { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override bool Read(ReadOnlySpan<byte> buffer, Row row, long line)
    {
        RevenueShared s = _shared;
        bool ok = s.Dates.TryParse(row.Raw(buffer, s.DateIndex), out LocalDate date, out string? dateError);
        if (!ok)
        {
            AddProblem(line, s.Columns.Date, "Date", null, dateError!);
        }

        if (!s.Amounts.TryParse(row.Raw(buffer, s.AmountIndex), out long amount, out string? amountError))
        {
            AddProblem(line, s.Columns.Amount, "Amount", null, amountError!);
            ok = false;
        }

        if (!ok)
        {
            return false;
        }

        // The common id (no doubled quotes, ASCII at both ends once trimmed) is looked up later, in a batch whose table
        // entries were prefetched; any other id now.
        int customer;
        int idStart = row.Start(s.CustomerIndex);
        int idEnd = row.End(s.CustomerIndex);
        while (idStart < idEnd && Fields.IsAsciiSpace(buffer[idStart]))
        {
            idStart++;
        }

        while (idEnd > idStart && Fields.IsAsciiSpace(buffer[idEnd - 1]))
        {
            idEnd--;
        }

        bool deferred = (row.Flags(s.CustomerIndex) & Row.Escaped) == 0 && idEnd > idStart && buffer[idStart] < 0x80 && buffer[idEnd - 1] < 0x80;
        if (deferred)
        {
            customer = 0;
        }
        else
        {
            customer = s.Customers.GetOrAdd(Fields.Unescaped(buffer, row, s.CustomerIndex, ref _scratch));
        }

        int segment = -1;
        bool segmentTooLong = false;
        if (s.SegmentIndex >= 0)
        {
            ReadOnlySpan<byte> text = Fields.Unescaped(buffer, row, s.SegmentIndex, ref _scratch);
            segment = s.Segments.GetOrAdd(text);
            segmentTooLong = segment >= 0 && Fields.TrimAscii(text).Length > 200 && Encoding.UTF8.GetString(text).Trim().Length > 200;
        }

        if (customer < 0 || segmentTooLong)
        {
            // The library's own checks and messages (CX0101, CX0106), for the rare row that fails them.
            string? segmentText = segment < 0 ? null : Encoding.UTF8.GetString(Fields.Unescaped(buffer, row, s.SegmentIndex, ref _scratch)).Trim();
            CustomerId customerId = customer < 0 ? default : CustomerId.From(Encoding.UTF8.GetString(Fields.Unescaped(buffer, row, s.CustomerIndex, ref _scratch)));
            var record = new AssetRecord(customerId, date, Money.FromMinorUnits(amount, s.Currency), segmentText);
            foreach (ValidationFailure failure in s.Validator.Validate(record).Errors)
            {
                AddProblem(line, s.ColumnOf(failure.PropertyName), failure.PropertyName, failure.ErrorCode, failure.ErrorMessage);
            }

            return false;
        }

        Add(customer, date, amount, segment);
        if (deferred)
        {
            Defer(buffer, idStart, idEnd - idStart);
        }
        else
        {
            _lastStart = -1;
        }

        return true;
    }

    /// <summary>Makes the lookups still waiting: their rows' ids are in <paramref name="buffer"/>, which is about to be
    /// released (the end of a block).</summary>
    public override void OnBlockEnd(ReadOnlySpan<byte> buffer)
    {
        Resolve(buffer);
        _lastStart = -1;
        _shared.Store.Release(Start, _capacity, RowCount);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Defer(ReadOnlySpan<byte> buffer, int start, int length)
    {
        ref Pending p = ref _pending[_pendingCount++];
        p.Row = Start + RowCount;
        p.Start = start;
        if (_lastStart >= 0 && length == _lastLength && buffer.Slice(start, length).SequenceEqual(buffer.Slice(_lastStart, length)))
        {
            // Rows of one customer often follow each other (sorted exports): no lookup.
            p.Length = -1;
        }
        else
        {
            p.Length = length;
            p.Hash = Interner.Hash(buffer.Slice(start, length));
            _shared.Customers.Prefetch(p.Hash);
            _lastStart = start;
            _lastLength = length;
        }

        if (_pendingCount == Batch)
        {
            Resolve(buffer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Resolve(ReadOnlySpan<byte> buffer)
    {
        Interner customers = _shared.Customers;
        int[] column = _customer;
        int last = _lastCustomer;
        for (int i = 0; i < _pendingCount; i++)
        {
            ref Pending p = ref _pending[i];
            if (p.Length >= 0)
            {
                last = customers.GetOrAdd(buffer.Slice(p.Start, p.Length), p.Hash);
            }

            column[p.Row] = last;
        }

        _lastCustomer = last;
        _pendingCount = 0;
    }

    private struct Pending
    {
        public int Row;
        public int Start;
        public int Length;
        public ulong Hash;
    }

    /// <summary>Adds a row's values to the columns (the caller counts the row).</summary>
    internal void Add(int customer, LocalDate date, long amount, int segment)
    {
        int row = RowCount;
        if (row == _capacity)
        {
            throw new InvalidOperationException("A block holds more rows than it has line breaks.");
        }

        int at = Start + row;
        _customer[at] = customer;
        _date[at] = date;
        _amount[at] = amount;
        if (_segment.Length > 0)
        {
            _segment[at] = segment;
        }

        if (First is not { } first || date < first)
        {
            First = date;
        }

        if (Last is not { } last || date > last)
        {
            Last = date;
        }
    }
}

/// <summary>What every block of a revenue file shares: column indexes, parsers, interners.</summary>
internal sealed class RevenueShared
{
    public required int CustomerIndex { get; init; }

    public required int DateIndex { get; init; }

    public required int AmountIndex { get; init; }

    public required int SegmentIndex { get; init; }

    public required ColumnNames Columns { get; init; }

    public required Currency Currency { get; init; }

    public required DateParser Dates { get; init; }

    public required AmountParser Amounts { get; init; }

    public required AssetRecordValidator Validator { get; init; }

    public Interner Customers { get; } = new();

    public Interner Segments { get; } = new();

    /// <summary>Gets the columns every block writes its rows into.</summary>
    public required RevenueStore Store { get; init; }

    public string? ColumnOf(string property) => property switch
    {
        "Customer" => Columns.Customer,
        "Date" => Columns.Date,
        "Segment" => Columns.Segment,
        _ => Columns.Amount,
    };
}
