using System.Globalization;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.Primitives;

public sealed class MoneyTests
{
    private static readonly Money MaxUsd = Money.FromMinorUnits(long.MaxValue, Currency.Usd);
    private static readonly Money MinUsd = Money.FromMinorUnits(long.MinValue, Currency.Usd);
    private static readonly Money OneCent = Money.FromMinorUnits(1, Currency.Usd);

    [Theory]
    [InlineData("0.125", "USD", 12)]
    [InlineData("0.135", "USD", 14)]
    [InlineData("-0.125", "USD", -12)]
    [InlineData("-0.135", "USD", -14)]
    [InlineData("0.124", "USD", 12)]
    [InlineData("0.126", "USD", 13)]
    [InlineData("0.1250000001", "USD", 13)]
    [InlineData("49.90", "USD", 4_990)]
    [InlineData("49.900000", "USD", 4_990)]
    [InlineData("10.5", "JPY", 10)]
    [InlineData("11.5", "JPY", 12)]
    [InlineData("-10.5", "JPY", -10)]
    [InlineData("0.5", "JPY", 0)]
    [InlineData("1.2345", "KWD", 1_234)]
    [InlineData("1.2355", "KWD", 1_236)]
    [InlineData("1.23455", "CLF", 12_346)]
    [InlineData("1.23445", "CLF", 12_344)]
    public void FromDecimal_ExcessPrecision_RoundsHalfToEven(string amount, string code, long expectedMinorUnits)
    {
        Money money = Money.FromDecimal(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.FromCode(code));

        Assert.Equal(expectedMinorUnits, money.MinorUnits);
        Assert.Equal(Currency.FromCode(code), money.Currency);
    }

    [Fact]
    public void FromDecimal_ExplicitHalfToEven_SameAsDefault()
    {
        Assert.Equal(Money.FromDecimal(0.125m, Currency.Usd), Money.FromDecimal(0.125m, Currency.Usd, MinorUnitRounding.HalfToEven));
    }

    [Theory]
    [InlineData("0.125", "USD", "2 decimals for USD")]
    [InlineData("10.5", "JPY", "0 decimals for JPY")]
    [InlineData("1.0001", "KWD", "3 decimals for KWD")]
    [InlineData("0.00001", "CLF", "4 decimals for CLF")]
    public void FromDecimal_RejectExcessPrecision_ThrowsNamingTheCurrency(string amount, string code, string expected)
    {
        decimal value = decimal.Parse(amount, CultureInfo.InvariantCulture);

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Money.FromDecimal(value, Currency.FromCode(code), MinorUnitRounding.RejectExcessPrecision));

        Assert.Equal("amount", error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(amount, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("49.90", "USD", 4_990)]
    [InlineData("49.900", "USD", 4_990)]
    [InlineData("-500", "JPY", -500)]
    [InlineData("1.234", "KWD", 1_234)]
    public void FromDecimal_RejectExcessPrecisionWithinTheMinorUnit_Converts(string amount, string code, long expectedMinorUnits)
    {
        Money money = Money.FromDecimal(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.FromCode(code), MinorUnitRounding.RejectExcessPrecision);

        Assert.Equal(expectedMinorUnits, money.MinorUnits);
    }

    [Theory]
    [InlineData("92233720368547758.07", "USD", long.MaxValue)]
    [InlineData("-92233720368547758.08", "USD", long.MinValue)]
    [InlineData("9223372036854775807", "JPY", long.MaxValue)]
    [InlineData("922337203685477.5807", "CLF", long.MaxValue)]
    public void FromDecimal_AtTheEdgesOfTheRange_Converts(string amount, string code, long expectedMinorUnits)
    {
        Money money = Money.FromDecimal(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.FromCode(code));

        Assert.Equal(expectedMinorUnits, money.MinorUnits);
    }

    [Theory]
    [InlineData("92233720368547758.08", "USD")]
    [InlineData("-92233720368547758.09", "USD")]
    [InlineData("9223372036854775808", "JPY")]
    [InlineData("79228162514264337593543950335", "USD")]
    [InlineData("-79228162514264337593543950335", "USD")]
    [InlineData("79228162514264337593543950335", "JPY")]
    [InlineData("7922816251426433759354395033.5", "CLF")]
    public void FromDecimal_OutOfRange_ThrowsArgumentOutOfRangeNotOverflow(string amount, string code)
    {
        decimal value = decimal.Parse(amount, CultureInfo.InvariantCulture);

        Exception error = Record.Exception(() => Money.FromDecimal(value, Currency.FromCode(code)));

        ArgumentOutOfRangeException outOfRange = Assert.IsType<ArgumentOutOfRangeException>(error);
        Assert.Equal("amount", outOfRange.ParamName);
        Assert.Contains(code, outOfRange.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MinorUnitRounding.Unknown)]
    [InlineData((MinorUnitRounding)99)]
    public void FromDecimal_UndefinedRounding_ThrowsArgumentOutOfRange(MinorUnitRounding rounding)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromDecimal(1m, Currency.Usd, rounding));

        Assert.Equal("rounding", error.ParamName);
    }

    [Fact]
    public void TryFromDecimal_OutOfRange_ReturnsFalseWithAnError()
    {
        bool converted = Money.TryFromDecimal(decimal.MaxValue, Currency.Usd, MinorUnitRounding.HalfToEven, out Money money, out string? error);

        Assert.False(converted);
        Assert.Equal(Money.Zero(Currency.Usd), money);
        Assert.NotNull(error);
        Assert.Contains("USD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFromDecimal_ExcessPrecisionRejected_ReturnsFalseWithAnError()
    {
        bool converted = Money.TryFromDecimal(0.125m, Currency.Usd, MinorUnitRounding.RejectExcessPrecision, out _, out string? error);

        Assert.False(converted);
        Assert.Contains("USD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFromDecimal_ValidAmount_ReturnsTrueWithoutError()
    {
        bool converted = Money.TryFromDecimal(49.90m, Currency.Usd, MinorUnitRounding.RejectExcessPrecision, out Money money, out string? error);

        Assert.True(converted);
        Assert.Null(error);
        Assert.Equal(Money.FromMinorUnits(4_990, Currency.Usd), money);
    }

    [Theory]
    [InlineData(4_990, "USD", "USD 49.90")]
    [InlineData(-4_990, "USD", "USD -49.90")]
    [InlineData(5, "USD", "USD 0.05")]
    [InlineData(0, "USD", "USD 0.00")]
    [InlineData(-500, "JPY", "JPY -500")]
    [InlineData(1_234, "KWD", "KWD 1.234")]
    [InlineData(12_345, "CLF", "CLF 1.2345")]
    [InlineData(long.MaxValue, "USD", "USD 92233720368547758.07")]
    [InlineData(long.MinValue, "USD", "USD -92233720368547758.08")]
    public void ToString_AnyCulture_IsInvariantCodeThenAmount(long minorUnits, string code, string expected)
    {
        Money money = Money.FromMinorUnits(minorUnits, Currency.FromCode(code));
        CultureInfo previous = CultureInfo.CurrentCulture;
        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NumberDecimalSeparator = ",";
        odd.NumberFormat.NumberGroupSeparator = ".";
        odd.NumberFormat.NegativeSign = "\u2212";
        try
        {
            CultureInfo.CurrentCulture = odd;
            Assert.Equal(expected, money.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Default_Always_IsZeroInXxx()
    {
        Money money = default;

        Assert.Equal(Currency.None, money.Currency);
        Assert.Equal(0, money.MinorUnits);
        Assert.True(money.IsZero);
        Assert.Equal(Money.Zero(Currency.None), money);
        Assert.Equal("XXX 0", money.ToString());
    }

    [Theory]
    [InlineData(4_990, "USD", "49.90")]
    [InlineData(-500, "JPY", "-500")]
    [InlineData(1_234, "KWD", "1.234")]
    [InlineData(long.MaxValue, "CLF", "922337203685477.5807")]
    public void ToDecimal_AnyAmount_IsExactInMajorUnits(long minorUnits, string code, string expected)
    {
        decimal value = Money.FromMinorUnits(minorUnits, Currency.FromCode(code)).ToDecimal();

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void FromDecimal_OfToDecimal_RoundTripsEveryAmount() =>
        PropertyCheck.Run(
            Prop.ForAll(PrimitiveGenerators.Amounts(), m =>
                Assert.Equal(m, Money.FromDecimal(m.ToDecimal(), m.Currency, MinorUnitRounding.RejectExcessPrecision))),
            1_000);

    [Fact]
    public void Add_SumOverflows_ThrowsOverflowNamingBothOperands()
    {
        OverflowException error = Assert.Throws<OverflowException>(() => MaxUsd.Add(OneCent));

        Assert.Contains("USD 92233720368547758.07", error.Message, StringComparison.Ordinal);
        Assert.Contains("USD 0.01", error.Message, StringComparison.Ordinal);
        Assert.Throws<OverflowException>(() => MaxUsd + OneCent);
        Assert.Throws<OverflowException>(() => MinUsd + OneCent.Negate());
    }

    [Fact]
    public void Subtract_DifferenceOverflows_ThrowsOverflowNamingBothOperands()
    {
        OverflowException error = Assert.Throws<OverflowException>(() => MinUsd.Subtract(OneCent));

        Assert.Contains("USD -92233720368547758.08", error.Message, StringComparison.Ordinal);
        Assert.Contains("USD 0.01", error.Message, StringComparison.Ordinal);
        Assert.Throws<OverflowException>(() => MinUsd - OneCent);
        Assert.Throws<OverflowException>(() => MaxUsd - OneCent.Negate());
        Assert.Throws<OverflowException>(() => Money.Zero(Currency.Usd) - MinUsd);
    }

    [Fact]
    public void Negate_MinValue_ThrowsOverflowNamingTheOperand()
    {
        OverflowException error = Assert.Throws<OverflowException>(() => MinUsd.Negate());

        Assert.Contains("USD -92233720368547758.08", error.Message, StringComparison.Ordinal);
        Assert.Throws<OverflowException>(() => -MinUsd);
    }

    [Fact]
    public void Negate_MaxValue_GivesMinValuePlusOne()
    {
        Assert.Equal(long.MinValue + 1, (-MaxUsd).MinorUnits);
    }

    [Theory]
    [InlineData(long.MaxValue, 2)]
    [InlineData(long.MinValue, -1)]
    [InlineData(long.MinValue, 2)]
    [InlineData(4_611_686_018_427_387_904, 2)]
    public void Multiply_ProductOverflows_ThrowsOverflowNamingBothOperands(long minorUnits, long factor)
    {
        Money money = Money.FromMinorUnits(minorUnits, Currency.Usd);

        OverflowException error = Assert.Throws<OverflowException>(() => money.Multiply(factor));

        Assert.Contains(money.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(factor.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Throws<OverflowException>(() => money * factor);
    }

    [Fact]
    public void Multiply_WithinRange_IsExact()
    {
        Assert.Equal(Money.FromMinorUnits(14_970, Currency.Usd), Money.FromMinorUnits(4_990, Currency.Usd) * 3);
        Assert.Equal(Money.FromMinorUnits(long.MinValue, Currency.Usd), Money.FromMinorUnits(long.MinValue / 2, Currency.Usd).Multiply(2));
        Assert.Equal(Money.FromMinorUnits(-4_990, Currency.Usd), Money.FromMinorUnits(4_990, Currency.Usd).Multiply(-1));
    }

    [Fact]
    public void Add_MixedCurrencies_ThrowsCurrencyMismatchNamingBothCodes()
    {
        Money usd = Money.FromMinorUnits(100, Currency.Usd);
        Money eur = Money.FromMinorUnits(100, Currency.Eur);

        CurrencyMismatchException error = Assert.Throws<CurrencyMismatchException>(() => usd + eur);

        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
        Assert.Equal(Currency.Usd, error.Expected);
        Assert.Equal(Currency.Eur, error.Actual);
        Assert.IsAssignableFrom<InvalidOperationException>(error);
    }

    [Fact]
    public void Subtract_MixedCurrencies_ThrowsCurrencyMismatchNamingBothCodes()
    {
        CurrencyMismatchException error = Assert.Throws<CurrencyMismatchException>(
            () => Money.FromMinorUnits(1, Currency.Jpy).Subtract(Money.FromMinorUnits(1, Currency.Gbp)));

        Assert.Contains("JPY", error.Message, StringComparison.Ordinal);
        Assert.Contains("GBP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_MixedCurrenciesThatWouldAlsoOverflow_ReportsTheMismatchFirst()
    {
        Assert.Throws<CurrencyMismatchException>(() => MaxUsd + Money.FromMinorUnits(long.MaxValue, Currency.Eur));
    }

    [Fact]
    public void Add_XxxAndARealCurrency_ThrowsCurrencyMismatch()
    {
        Assert.Throws<CurrencyMismatchException>(() => default(Money) + OneCent);
    }

    [Fact]
    public void CompareTo_MixedCurrencies_ThrowsCurrencyMismatch()
    {
        Money usd = Money.FromMinorUnits(1, Currency.Usd);
        Money eur = Money.FromMinorUnits(2, Currency.Eur);

        Assert.Throws<CurrencyMismatchException>(() => usd.CompareTo(eur));
        Assert.Throws<CurrencyMismatchException>(() => usd < eur);
        Assert.Throws<CurrencyMismatchException>(() => usd >= eur);
    }

    [Fact]
    public void Equals_SameUnitsOtherCurrency_IsFalse()
    {
        Assert.NotEqual(Money.FromMinorUnits(100, Currency.Usd), Money.FromMinorUnits(100, Currency.Eur));
        Assert.True(Money.FromMinorUnits(100, Currency.Usd) != Money.FromMinorUnits(100, Currency.Eur));
    }

    [Fact]
    public void Sum_MixedCurrencies_ThrowsCurrencyMismatchNamingBothCodes()
    {
        Money[] amounts = [Money.FromMinorUnits(1, Currency.Usd), Money.FromMinorUnits(1, Currency.Chf)];

        CurrencyMismatchException error = Assert.Throws<CurrencyMismatchException>(() => Money.Sum(amounts, Currency.Usd));

        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
        Assert.Contains("CHF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sum_Empty_IsZeroInTheCurrency()
    {
        Assert.Equal(Money.Zero(Currency.Jpy), Money.Sum([], Currency.Jpy));
    }

    [Fact]
    public void Sum_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Money.Sum(null!, Currency.Usd));
    }

    [Fact]
    public void Equality_RandomAmounts_IsAnEquivalenceConsistentWithHashAndOperators()
    {
        EqualityLaws.Hold(PrimitiveGenerators.SmallAmounts(), (a, b) => a == b, (a, b) => a != b);
        EqualityLaws.Hold(PrimitiveGenerators.Amounts(), (a, b) => a == b, (a, b) => a != b);
    }

    [Fact]
    public void CompareTo_SameCurrency_IsATotalOrderConsistentWithEquals()
    {
        EqualityLaws.OrderHolds(
            PrimitiveGenerators.SmallAmounts(),
            (a, b) => a.Currency == b.Currency,
            (a, b) => a < b,
            (a, b) => a <= b,
            (a, b) => a > b,
            (a, b) => a >= b);
        EqualityLaws.OrderHolds(
            PrimitiveGenerators.Amounts(),
            (a, b) => a.Currency == b.Currency,
            (a, b) => a < b,
            (a, b) => a <= b,
            (a, b) => a > b,
            (a, b) => a >= b);
    }

    [Fact]
    public void CompareTo_MixedCurrencies_AlwaysThrows() =>
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.Amounts(), PrimitiveGenerators.Amounts(), (a, b) =>
        {
            if (a.Currency != b.Currency)
            {
                Assert.Throws<CurrencyMismatchException>(() => a.CompareTo(b));
            }
        }));

    [Fact]
    public void Add_AnyTwoAmounts_IsExactOrThrowsOverflowExactlyWhenOutOfRange() =>
        PropertyCheck.Run(
            Prop.ForAll(PrimitiveGenerators.Currencies(), PrimitiveGenerators.MinorUnits(), PrimitiveGenerators.MinorUnits(), (c, x, y) =>
            {
                Money a = Money.FromMinorUnits(x, c);
                Money b = Money.FromMinorUnits(y, c);
                Int128 exact = (Int128)x + y;
                if (exact < long.MinValue || exact > long.MaxValue)
                {
                    Assert.Throws<OverflowException>(() => a + b);
                }
                else
                {
                    Assert.Equal(Money.FromMinorUnits((long)exact, c), a + b);
                }
            }),
            1_000);

    [Fact]
    public void Subtract_AnyTwoAmounts_IsExactOrThrowsOverflowExactlyWhenOutOfRange() =>
        PropertyCheck.Run(
            Prop.ForAll(PrimitiveGenerators.Currencies(), PrimitiveGenerators.MinorUnits(), PrimitiveGenerators.MinorUnits(), (c, x, y) =>
            {
                Money a = Money.FromMinorUnits(x, c);
                Money b = Money.FromMinorUnits(y, c);
                Int128 exact = (Int128)x - y;
                if (exact < long.MinValue || exact > long.MaxValue)
                {
                    Assert.Throws<OverflowException>(() => a - b);
                }
                else
                {
                    Assert.Equal(Money.FromMinorUnits((long)exact, c), a - b);
                }
            }),
            1_000);

    [Fact]
    public void Multiply_AnyAmountAndFactor_IsExactOrThrowsOverflowExactlyWhenOutOfRange() =>
        PropertyCheck.Run(
            Prop.ForAll(PrimitiveGenerators.Currencies(), PrimitiveGenerators.MinorUnits(), PrimitiveGenerators.MinorUnits(), (c, x, factor) =>
            {
                Money a = Money.FromMinorUnits(x, c);
                Int128 exact = (Int128)x * factor;
                if (exact < long.MinValue || exact > long.MaxValue)
                {
                    Assert.Throws<OverflowException>(() => a * factor);
                }
                else
                {
                    Assert.Equal(Money.FromMinorUnits((long)exact, c), a * factor);
                }
            }),
            1_000);

    [Fact]
    public void Add_TwoAmountsOfOneCurrency_IsCommutative() =>
        PropertyCheck.Run(
            Prop.ForAll(PrimitiveGenerators.Currencies(), PrimitiveGenerators.MinorUnits(), PrimitiveGenerators.MinorUnits(), (c, x, y) =>
            {
                Money a = Money.FromMinorUnits(x, c);
                Money b = Money.FromMinorUnits(y, c);
                Exception? abError = Record.Exception(() => a + b);
                Exception? baError = Record.Exception(() => b + a);
                Assert.Equal(abError?.GetType(), baError?.GetType());
                if (abError is null)
                {
                    Assert.Equal(a + b, b + a);
                }
            }),
            1_000);

    [Fact]
    public void Add_ThreeAmountsWithoutOverflow_IsAssociative() =>
        PropertyCheck.Run(
            Prop.ForAll(
                PrimitiveGenerators.Currencies(),
                PrimitiveGenerators.MinorUnits(),
                Arb.Zip(PrimitiveGenerators.MinorUnits(), PrimitiveGenerators.MinorUnits()),
                (c, x, yz) =>
                {
                    Money a = Money.FromMinorUnits(x, c);
                    Money b = Money.FromMinorUnits(yz.Item1, c);
                    Money d = Money.FromMinorUnits(yz.Item2, c);
                    Money? left = TryAdd(() => (a + b) + d);
                    Money? right = TryAdd(() => a + (b + d));
                    if (left is { } l && right is { } r)
                    {
                        Assert.Equal(l, r);
                    }
                }),
            1_000);

    [Fact]
    public void Add_ThreeModestAmounts_IsAssociative() =>
        PropertyCheck.Run(
            Prop.ForAll(
                PrimitiveGenerators.Currencies(),
                PrimitiveGenerators.ModestMinorUnits(),
                Arb.Zip(PrimitiveGenerators.ModestMinorUnits(), PrimitiveGenerators.ModestMinorUnits()),
                (c, x, yz) =>
                {
                    Money a = Money.FromMinorUnits(x, c);
                    Money b = Money.FromMinorUnits(yz.Item1, c);
                    Money d = Money.FromMinorUnits(yz.Item2, c);
                    Assert.Equal((a + b) + d, a + (b + d));
                }));

    [Fact]
    public void Add_AmountAndItsNegation_IsZero() =>
        PropertyCheck.Run(
            Prop.ForAll(PrimitiveGenerators.Amounts(), a =>
            {
                if (a.MinorUnits == long.MinValue)
                {
                    Assert.Throws<OverflowException>(() => -a);
                    return;
                }

                Assert.Equal(Money.Zero(a.Currency), a + (-a));
                Assert.Equal(Money.Zero(a.Currency), a - a);
                Assert.Equal(a, -(-a));
            }),
            1_000);

    [Fact]
    public void Add_Zero_IsIdentity() =>
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.Amounts(), a =>
        {
            Assert.Equal(a, a + Money.Zero(a.Currency));
            Assert.Equal(a, Money.Zero(a.Currency) + a);
        }));

    [Fact]
    public void Sum_AnyList_EqualsTheFoldOfAdd() =>
        PropertyCheck.Run(
            Prop.ForAll(PrimitiveGenerators.Currencies(), Arb.Array(PrimitiveGenerators.ModestMinorUnits()), (c, units) =>
            {
                Money[] amounts = units.Select(u => Money.FromMinorUnits(u, c)).ToArray();
                Money fold = amounts.Aggregate(Money.Zero(c), (total, m) => total + m);

                Assert.Equal(fold, Money.Sum(amounts, c));
                Assert.Equal(Money.FromMinorUnits(units.Sum(), c), fold);
            }));

    [Fact]
    public void Sum_ListWithExtremes_IsTheExactSumWhenItFitsInAnyOrder() =>
        PropertyCheck.Run(
            Prop.ForAll(PrimitiveGenerators.Currencies(), Arb.Array(PrimitiveGenerators.MinorUnits()), (c, units) =>
            {
                Money[] amounts = units.Select(u => Money.FromMinorUnits(u, c)).ToArray();
                System.Numerics.BigInteger exact = units.Aggregate(System.Numerics.BigInteger.Zero, (total, u) => total + u);
                bool fits = exact >= long.MinValue && exact <= long.MaxValue;
                Money? sum = TryAdd(() => Money.Sum(amounts, c));
                Money? reversed = TryAdd(() => Money.Sum(amounts.Reverse(), c));

                Assert.Equal(fits ? Money.FromMinorUnits((long)exact, c) : null, sum);
                Assert.Equal(sum, reversed);
            }));

    [Fact]
    public void Sum_TotalsStraddlingTheRangeOnTheWay_IsNotRefused()
    {
        Money max = Money.FromMinorUnits(long.MaxValue, Currency.Usd);
        Money one = Money.FromMinorUnits(1, Currency.Usd);

        Assert.Equal(max, Money.Sum([max, one, -one], Currency.Usd));
        Assert.Equal(Money.FromMinorUnits(long.MinValue, Currency.Usd), Money.Sum([-max, -one, -one, one], Currency.Usd));
        Assert.Throws<OverflowException>(() => Money.Sum([max, one], Currency.Usd));
    }

    private static Money? TryAdd(Func<Money> add)
    {
        try
        {
            return add();
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
