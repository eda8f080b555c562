using System.Diagnostics.CodeAnalysis;
using Cx.Domain.Internal;

namespace Cx.Domain.Primitives;

/// <summary>An ISO 4217 currency: its three-letter code and the number of digits of its minor unit.</summary>
/// <remarks>
/// <para>Only codes in the ISO 4217 list of active currencies (plus <c>XXX</c>, "no currency") exist;
/// <see cref="FromCode(string)"/> rejects anything else, so a typo such as <c>"USS"</c> fails at the edge
/// instead of producing a ledger in an unknown unit.</para>
/// <para>Equality is by code. <c>default(Currency)</c> is <see cref="None"/> (<c>XXX</c>, zero minor digits).</para>
/// </remarks>
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>
{
    private readonly ushort _index;

    private Currency(ushort index) => _index = index;

    /// <summary>Gets the ISO 4217 "no currency" code <c>XXX</c>; also the value of <c>default(Currency)</c>.</summary>
    public static Currency None => default;

    /// <summary>Gets the US dollar (<c>USD</c>, 2 minor digits).</summary>
    public static Currency Usd { get; } = FromCode("USD");

    /// <summary>Gets the euro (<c>EUR</c>, 2 minor digits).</summary>
    public static Currency Eur { get; } = FromCode("EUR");

    /// <summary>Gets the pound sterling (<c>GBP</c>, 2 minor digits).</summary>
    public static Currency Gbp { get; } = FromCode("GBP");

    /// <summary>Gets the yen (<c>JPY</c>, 0 minor digits).</summary>
    public static Currency Jpy { get; } = FromCode("JPY");

    /// <summary>Gets the Swiss franc (<c>CHF</c>, 2 minor digits).</summary>
    public static Currency Chf { get; } = FromCode("CHF");

    /// <summary>Gets the three-letter ISO 4217 code, upper case, such as <c>USD</c>.</summary>
    public string Code => Iso4217.Table[_index].Code;

    /// <summary>Gets the number of digits after the decimal point of the minor unit (2 for USD, 0 for JPY, 3 for KWD).</summary>
    public int MinorDigits => Iso4217.Table[_index].MinorDigits;

    /// <summary>Gets how many minor units make one major unit (10 to the power <see cref="MinorDigits"/>).</summary>
    public long MinorUnitsPerMajorUnit => Iso4217.Pow10[MinorDigits];

    /// <summary>Gets every currency this library knows, ordered by code.</summary>
    public static IReadOnlyList<Currency> All { get; } = Enumerable.Range(0, Iso4217.Table.Length).Select(i => new Currency((ushort)i)).OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();

    /// <summary>Returns the currency with the given ISO 4217 code.</summary>
    /// <param name="code">A three-letter code; case and surrounding white space are ignored.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not an ISO 4217 code of an active currency.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (TryFromCode(code, out Currency currency))
        {
            return currency;
        }

        throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an ISO 4217 currency code such as USD or EUR, got '{code}'. Check the code against the ISO 4217 list of active currencies."), nameof(code));
    }

    /// <summary>Tries to find the currency with the given ISO 4217 code.</summary>
    /// <param name="code">A three-letter code; case and surrounding white space are ignored.</param>
    /// <param name="currency">The currency when found; otherwise <see cref="None"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a known code.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        currency = default;
        if (code is null)
        {
            return false;
        }

        string normalized = code.Trim().ToUpperInvariant();
        if (Iso4217.ByCode.TryGetValue(normalized, out ushort index))
        {
            currency = new Currency(index);
            return true;
        }

        return false;
    }

    /// <summary>Compares by code, ordinally.</summary>
    /// <param name="other">The other currency.</param>
    /// <returns>A negative number, zero or a positive number as this code sorts before, with or after the other.</returns>
    public int CompareTo(Currency other) => string.CompareOrdinal(Code, other.Code);

    /// <inheritdoc/>
    public bool Equals(Currency other) => _index == other._index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _index;

    /// <summary>Returns the ISO 4217 code.</summary>
    /// <returns>The code, such as <c>USD</c>.</returns>
    public override string ToString() => Code;

    /// <summary>Tests two currencies for equality (same code).</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when both have the same code.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Tests two currencies for inequality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <summary>Orders two currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Currency left, Currency right) => left.CompareTo(right) < 0;

    /// <summary>Orders two currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(Currency left, Currency right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Currency left, Currency right) => left.CompareTo(right) > 0;

    /// <summary>Orders two currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(Currency left, Currency right) => left.CompareTo(right) >= 0;
}
