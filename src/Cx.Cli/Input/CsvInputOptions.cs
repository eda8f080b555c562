using Cx.Domain.Primitives;
using NodaTime.Text;

namespace Cx.Cli.Input;

/// <summary>How to read a CSV file of dated amounts: which columns, which currency, which date format, which separator.</summary>
/// <param name="CustomerColumn">The header name of the customer id column.</param>
/// <param name="DateColumn">The header name of the date column.</param>
/// <param name="AmountColumn">The header name of the amount column.</param>
/// <param name="SegmentColumn">The header name of the segment column.</param>
/// <param name="SegmentRequired">Whether a missing segment column is an error (it was asked for) or means no segments.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="DatePattern">The pattern dates are written in (invariant culture).</param>
/// <param name="Separator">The field separator.</param>
internal sealed record CsvInputOptions(
    string CustomerColumn,
    string DateColumn,
    string AmountColumn,
    string SegmentColumn,
    bool SegmentRequired,
    Currency Currency,
    LocalDatePattern DatePattern,
    char Separator)
{
    /// <summary>Gets the defaults: columns <c>customer_id</c>, <c>date</c>, <c>amount</c> and (when present) <c>segment</c>; USD; <c>yyyy-MM-dd</c>; comma.</summary>
    public static CsvInputOptions Default { get; } = new("customer_id", "date", "amount", "segment", false, Currency.Usd, LocalDatePattern.CreateWithInvariantCulture("yyyy-MM-dd"), ',');
}
