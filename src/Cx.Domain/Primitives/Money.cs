using System.Globalization;
using Cx.Domain.Internal;

namespace Cx.Domain.Primitives;

/// <summary>An exact amount of money: a whole number of minor units (cents) of one ISO 4217 currency.</summary>
/// <remarks>
/// <para>Amounts are stored as <see cref="long"/> minor units, so sums and differences are exact; arithmetic is
/// checked and an overflow throws <see cref="OverflowException"/> with a message naming both operands. Combining two
/// currencies throws <see cref="CurrencyMismatchException"/>. Money never goes through <see cref="double"/>.</para>
/// <para>Equality is by currency and minor units (<c>USD 1.00</c> differs from <c>EUR 1.00</c>). Ordering across
/// currencies is meaningless and throws. <c>default(Money)</c> is zero in <see cref="Currency.None"/> (<c>XXX 0</c>).</para>
/// </remarks>
public readonly partial struct Money : IEquatable<Money>, IComparable<Money>
{
    private Money(long minorUnits, Currency currency)
    {
        MinorUnits = minorUnits;
        Currency = currency;
    }

    /// <summary>Gets the amount in minor units of <see cref="Currency"/> (cents for USD; yen for JPY).</summary>
    public long MinorUnits { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets a value indicating whether the amount is zero.</summary>
    public bool IsZero => MinorUnits == 0;

    /// <summary>Returns zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero minor units of <paramref name="currency"/>.</returns>
    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>Creates an amount from minor units: <c>Money.FromMinorUnits(4990, Currency.Usd)</c> is USD 49.90.</summary>
    /// <param name="minorUnits">The amount in minor units; any <see cref="long"/>.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    public static Money FromMinorUnits(long minorUnits, Currency currency) => new(minorUnits, currency);

    /// <summary>Creates an amount from a decimal in major units: <c>Money.FromDecimal(49.90m, Currency.Usd)</c>.</summary>
    /// <param name="amount">The amount in major units (dollars, euros).</param>
    /// <param name="currency">The currency; its minor digits decide the precision.</param>
    /// <param name="rounding">What to do with more decimals than the currency has: round half to even (the default)
    /// or reject.</param>
    /// <returns>The amount, in whole minor units.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is outside the range of
    /// <see cref="long"/> minor units, <paramref name="rounding"/> is not a defined choice, or
    /// <paramref name="rounding"/> is <see cref="MinorUnitRounding.RejectExcessPrecision"/> and the amount has more
    /// decimals than the currency.</exception>
    public static Money FromDecimal(decimal amount, Currency currency, MinorUnitRounding rounding = MinorUnitRounding.HalfToEven)
    {
        Guard.Defined(rounding);
        if (!TryFromDecimal(amount, currency, rounding, out Money money, out string? error))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, error);
        }

        return money;
    }

    /// <summary>Tries to create an amount from a decimal in major units, without throwing.</summary>
    /// <param name="amount">The amount in major units.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="rounding">Round half to even, or reject excess precision; any other value fails.</param>
    /// <param name="money">The amount when the conversion succeeds; otherwise zero.</param>
    /// <param name="error">Why the conversion failed, or null.</param>
    /// <returns><see langword="true"/> when the amount converts.</returns>
    public static bool TryFromDecimal(decimal amount, Currency currency, MinorUnitRounding rounding, out Money money, out string? error)
    {
        money = Zero(currency);
        error = null;
        if (rounding is not (MinorUnitRounding.HalfToEven or MinorUnitRounding.RejectExcessPrecision))
        {
            error = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected MinorUnitRounding.HalfToEven or RejectExcessPrecision, got {Internal.EnumText.Of(rounding)}.");
            return false;
        }

        decimal scaled;
        try
        {
            scaled = amount * currency.MinorUnitsPerMajorUnit;
        }
        catch (OverflowException)
        {
            error = OutOfRange(amount, currency);
            return false;
        }

        decimal rounded = decimal.Round(scaled, 0, MidpointRounding.ToEven);
        if (rounded != scaled && rounding == MinorUnitRounding.RejectExcessPrecision)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"Expected at most {currency.MinorDigits} decimals for {currency.Code}, got {amount}. Round the amount, or convert with MinorUnitRounding.HalfToEven.");
            return false;
        }

        if (rounded < long.MinValue || rounded > long.MaxValue)
        {
            error = OutOfRange(amount, currency);
            return false;
        }

        money = new Money((long)rounded, currency);
        return true;
    }

    /// <summary>Converts the amount to a decimal in major units (USD 49.90 gives 49.90m).</summary>
    /// <returns>The amount in major units, exact.</returns>
    public decimal ToDecimal() => (decimal)MinorUnits / Currency.MinorUnitsPerMajorUnit;

    /// <inheritdoc/>
    public bool Equals(Money other) => MinorUnits == other.MinorUnits && Currency == other.Currency;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MinorUnits, Currency);

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="other">An amount in the same currency.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        RequireSameCurrency(other);
        return MinorUnits.CompareTo(other.MinorUnits);
    }

    /// <summary>Returns the invariant diagnostic form, the code then the amount in major units: <c>USD 49.90</c>, <c>JPY -500</c>.</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Currency.Code} {FormatAmount(MinorUnits, Currency.MinorDigits)}");

    internal static string FormatAmount(long minorUnits, int minorDigits) =>
        ((decimal)minorUnits / Iso4217.Pow10[minorDigits]).ToString("F" + minorDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private void RequireSameCurrency(Money other)
    {
        if (Currency != other.Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency);
        }
    }

    private static string OutOfRange(decimal amount, Currency currency) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected an amount Money can hold in {currency.Code} (at most {FormatAmount(long.MaxValue, currency.MinorDigits)} in absolute value), got {amount}.");
}
