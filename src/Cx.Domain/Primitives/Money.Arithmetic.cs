using System.Globalization;

namespace Cx.Domain.Primitives;

/// <content>Checked arithmetic and comparison operators; every operator has a named twin.</content>
public readonly partial struct Money
{
    /// <summary>Adds two amounts of the same currency, exactly.</summary>
    /// <param name="other">An amount in the same currency.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="long"/> minor units.</exception>
    public Money Add(Money other)
    {
        RequireSameCurrency(other);
        long sum = unchecked(MinorUnits + other.MinorUnits);
        if (((MinorUnits ^ sum) & (other.MinorUnits ^ sum)) < 0)
        {
            throw Overflow("+", other);
        }

        return new Money(sum, Currency);
    }

    /// <summary>Subtracts an amount of the same currency, exactly.</summary>
    /// <param name="other">An amount in the same currency.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="long"/> minor units.</exception>
    public Money Subtract(Money other)
    {
        RequireSameCurrency(other);
        long difference = unchecked(MinorUnits - other.MinorUnits);
        if (((MinorUnits ^ other.MinorUnits) & (MinorUnits ^ difference)) < 0)
        {
            throw Overflow("-", other);
        }

        return new Money(difference, Currency);
    }

    /// <summary>Returns the amount with its sign reversed.</summary>
    /// <returns>The negated amount.</returns>
    /// <exception cref="OverflowException">The amount is <see cref="long.MinValue"/> minor units, whose negation does not exist.</exception>
    public Money Negate()
    {
        if (MinorUnits == long.MinValue)
        {
            throw new OverflowException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Cannot negate {this}: the result is outside the range of Money."));
        }

        return new Money(-MinorUnits, Currency);
    }

    /// <summary>Multiplies the amount by a whole number, exactly.</summary>
    /// <param name="factor">The multiplier.</param>
    /// <returns>The product.</returns>
    /// <exception cref="OverflowException">The product is outside the range of <see cref="long"/> minor units.</exception>
    public Money Multiply(long factor)
    {
        try
        {
            return new Money(checked(MinorUnits * factor), Currency);
        }
        catch (OverflowException)
        {
            throw new OverflowException(string.Create(CultureInfo.InvariantCulture, $"{this} x {factor} is outside the range of Money."));
        }
    }

    /// <summary>Sums amounts that all share <paramref name="currency"/>.</summary>
    /// <param name="amounts">The amounts.</param>
    /// <param name="currency">The currency of the result (and of every amount).</param>
    /// <returns>The exact sum; zero when <paramref name="amounts"/> is empty.</returns>
    /// <remarks>The running total is kept in 128 bits, so only a sum that does not fit is refused: the order of the amounts
    /// never matters (<c>[long.MaxValue, 1, -1]</c> sums to <c>long.MaxValue</c>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="amounts"/> is null.</exception>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    /// <exception cref="OverflowException">The sum is outside the range of Money.</exception>
    public static Money Sum(IEnumerable<Money> amounts, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        Money zero = Zero(currency);
        Int128 total = 0;
        foreach (Money amount in amounts)
        {
            zero.RequireSameCurrency(amount);
            total += amount.MinorUnits;
        }

        if (total > long.MaxValue || total < long.MinValue)
        {
            throw new OverflowException(string.Create(CultureInfo.InvariantCulture,
                $"The sum of the amounts, {total} minor units of {currency}, is outside the range of Money ({long.MaxValue} minor units in absolute value)."));
        }

        return new Money((long)total, currency);
    }

    /// <summary>Adds two amounts; see <see cref="Add(Money)"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, same currency.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum overflows.</exception>
    public static Money operator +(Money left, Money right) => left.Add(right);

    /// <summary>Subtracts two amounts; see <see cref="Subtract(Money)"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, same currency.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference overflows.</exception>
    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>Negates an amount; see <see cref="Negate()"/>.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    /// <exception cref="OverflowException">The amount is <see cref="long.MinValue"/> minor units.</exception>
    public static Money operator -(Money value) => value.Negate();

    /// <summary>Multiplies an amount by a whole number; see <see cref="Multiply(long)"/>.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The multiplier.</param>
    /// <returns>The product.</returns>
    /// <exception cref="OverflowException">The product overflows.</exception>
    public static Money operator *(Money left, long right) => left.Multiply(right);

    /// <summary>Tests two amounts for equality (same currency and minor units).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Tests two amounts for inequality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when the currency or the amount differs.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Orders two amounts of one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Orders two amounts of one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two amounts of one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Orders two amounts of one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    private OverflowException Overflow(string op, Money other) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{this} {op} {other} is outside the range of Money ({long.MaxValue.ToString(CultureInfo.InvariantCulture)} minor units in absolute value)."));
}
