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
    private readonly RevenueShared _shared;
    private byte[] _scratch = new byte[256];
    private readonly byte[] _lastKey = new byte[64];
    private int _lastKeyLength;
    private int _lastCustomer = -1;

    public RevenueSink(ReaderContext context, RevenueShared shared)
        : base(context)
    {
        _shared = shared;
    }

    public Column<int> Customer { get; } = new();

    public Column<LocalDate> Date { get; } = new();

    public Column<long> Amount { get; } = new();

    public Column<int> Segment { get; } = new();

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

        ReadOnlySpan<byte> id = Fields.Unescaped(buffer, row, s.CustomerIndex, ref _scratch);
        int customer;
        if (_lastCustomer >= 0 && id.SequenceEqual(_lastKey.AsSpan(0, _lastKeyLength)))
        {
            // Rows of one customer often follow each other (sorted exports): no lookup.
            customer = _lastCustomer;
        }
        else
        {
            customer = s.Customers.GetOrAdd(id);
            if (customer >= 0 && id.Length <= _lastKey.Length)
            {
                id.CopyTo(_lastKey);
                _lastKeyLength = id.Length;
                _lastCustomer = customer;
            }
            else
            {
                _lastCustomer = -1;
            }
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
        return true;
    }

    /// <summary>Adds a row's values to the columns (the caller counts the row).</summary>
    internal void Add(int customer, LocalDate date, long amount, int segment)
    {
        Customer.Add(customer);
        Date.Add(date);
        Amount.Add(amount);
        if (_shared.SegmentIndex >= 0)
        {
            Segment.Add(segment);
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

    public string? ColumnOf(string property) => property switch
    {
        "Customer" => Columns.Customer,
        "Date" => Columns.Date,
        "Segment" => Columns.Segment,
        _ => Columns.Amount,
    };
}
