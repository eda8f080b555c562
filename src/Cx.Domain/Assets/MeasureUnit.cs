using System.Globalization;
using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>What one unit of a ledger's values means: a minor unit of a currency (a cent), or a step of a
/// non-money measure such as visits, seats or kilowatt-hours.</summary>
/// <remarks>
/// Ledger values are whole numbers of units (<see cref="long"/>). For money the unit is the currency's minor unit;
/// for a quantity with <see cref="DecimalPlaces"/> = 2 the unit is a hundredth. Equality compares name, currency
/// and decimal places. <c>System.Text.Json</c> writes a unit as its name, decimal places and whether it is money.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(MeasureUnitJsonConverter))]
public sealed record MeasureUnit
{
    private MeasureUnit(string name, Currency? currency, int decimalPlaces)
    {
        Name = name;
        Currency = currency;
        DecimalPlaces = decimalPlaces;
    }

    /// <summary>Gets the unit's name: the currency code for money (<c>USD</c>), otherwise the measure's name (<c>visits</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the currency when the values are money; otherwise null.</summary>
    public Currency? Currency { get; }

    /// <summary>Gets how many decimals one whole value has in units (2 for USD: 100 units make 1.00).</summary>
    public int DecimalPlaces { get; }

    /// <summary>Gets a value indicating whether the values are money.</summary>
    public bool IsMoney => Currency is not null;

    /// <summary>Creates the unit of a currency: values are its minor units.</summary>
    /// <param name="currency">The currency; not <see cref="Primitives.Currency.None"/>.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <see cref="Primitives.Currency.None"/>.</exception>
    public static MeasureUnit ForCurrency(Currency currency)
    {
        if (currency == Primitives.Currency.None)
        {
            throw new ArgumentException("Expected a real currency such as USD, got XXX (no currency). Pass the currency of the amounts.", nameof(currency));
        }

        return new MeasureUnit(currency.Code, currency, currency.MinorDigits);
    }

    /// <summary>Creates the unit of a non-money measure (usage, visits, seats).</summary>
    /// <param name="name">The measure's name, such as <c>visits</c>; trimmed, not blank.</param>
    /// <param name="decimalPlaces">How many decimals a quantity may have, 0 to 9; quantities are stored as whole
    /// numbers of 10^-decimalPlaces.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimalPlaces"/> is outside 0 to 9.</exception>
    public static MeasureUnit Quantity(string name, int decimalPlaces = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Internal.Guard.InRange(decimalPlaces, 0, 9);
        return new MeasureUnit(name.Trim(), null, decimalPlaces);
    }

    /// <summary>Converts a whole number of units to a decimal value (1234 units of USD is 12.34).</summary>
    /// <param name="units">The value in units.</param>
    /// <returns>The value as a decimal, exact.</returns>
    public decimal ToDecimal(long units) => units / Scale;

    /// <summary>Converts a whole number of units to money.</summary>
    /// <param name="units">The value in minor units.</param>
    /// <returns>The money.</returns>
    /// <exception cref="InvalidOperationException">The unit is not a currency.</exception>
    public Money ToMoney(long units) =>
        Currency is { } currency
            ? Money.FromMinorUnits(units, currency)
            : throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Values in '{Name}' are not money; use ToDecimal or Format instead."));

    /// <summary>Formats a value in units with the unit's decimals, invariantly: <c>1234</c> units of USD gives <c>12.34</c>.</summary>
    /// <param name="units">The value in units.</param>
    /// <returns>The formatted number, without the unit's name.</returns>
    public string Format(long units) =>
        ToDecimal(units).ToString("F" + DecimalPlaces.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Returns the unit's name.</summary>
    /// <returns>The name, such as <c>USD</c> or <c>visits</c>.</returns>
    public override string ToString() => Name;

    private decimal Scale => Pow10[DecimalPlaces];

    private static readonly decimal[] Pow10 = [1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m, 10_000_000m, 100_000_000m, 1_000_000_000m];
}
