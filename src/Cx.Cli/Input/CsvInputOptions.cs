using Cx.Domain.Primitives;
using NodaTime.Text;

namespace Cx.Cli.Input;

/// <summary>How to read a CSV file of dated amounts: which columns, which currency, which date format, which separator.</summary>
/// <param name="CustomerColumn">The header name of the customer id column.</param>
/// <param name="DateColumn">The header name of the date column.</param>
/// <param name="AmountColumn">The header name of the amount column.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="DatePattern">The pattern dates are written in (invariant culture).</param>
/// <param name="Separator">The field separator.</param>
internal sealed record CsvInputOptions(
    string CustomerColumn,
    string DateColumn,
    string AmountColumn,
    Currency Currency,
    LocalDatePattern DatePattern,
    char Separator)
{
    /// <summary>Gets the defaults: columns <c>customer</c>, <c>date</c>, <c>amount</c>; USD; <c>yyyy-MM-dd</c>; comma.</summary>
    public static CsvInputOptions Default { get; } = new("customer", "date", "amount", Currency.Usd, LocalDatePattern.CreateWithInvariantCulture("yyyy-MM-dd"), ',');
}
