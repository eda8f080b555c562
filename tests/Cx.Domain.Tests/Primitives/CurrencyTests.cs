using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;

namespace Cx.Domain.Tests.Primitives;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("USD")]
    [InlineData("usd")]
    [InlineData("Usd")]
    [InlineData("  uSd\t")]
    [InlineData("\nUSD ")]
    public void FromCode_AnyCaseAndSurroundingWhiteSpace_FindsTheCurrency(string code)
    {
        Currency currency = Currency.FromCode(code);

        Assert.Equal(Currency.Usd, currency);
        Assert.Equal("USD", currency.Code);
    }

    [Theory]
    [InlineData("USS")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("US")]
    [InlineData("USDD")]
    [InlineData("U SD")]
    [InlineData("DEM")]
    public void FromCode_UnknownCode_ThrowsArgumentExceptionNamingTheCode(string code)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Currency.FromCode(code));

        Assert.Equal("code", error.ParamName);
        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ISO 4217", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCode_Null_ThrowsArgumentNullException()
    {
        ArgumentNullException error = Assert.Throws<ArgumentNullException>(() => Currency.FromCode(null!));

        Assert.Equal("code", error.ParamName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("USS")]
    public void TryFromCode_UnknownOrNull_ReturnsFalseAndNone(string? code)
    {
        bool found = Currency.TryFromCode(code, out Currency currency);

        Assert.False(found);
        Assert.Equal(Currency.None, currency);
    }

    [Theory]
    [InlineData("USD", 2, 100)]
    [InlineData("EUR", 2, 100)]
    [InlineData("JPY", 0, 1)]
    [InlineData("KWD", 3, 1_000)]
    [InlineData("BHD", 3, 1_000)]
    [InlineData("CLF", 4, 10_000)]
    [InlineData("UYW", 4, 10_000)]
    [InlineData("XXX", 0, 1)]
    public void MinorDigits_KnownCurrency_MatchesIso4217(string code, int minorDigits, long perMajorUnit)
    {
        Currency currency = Currency.FromCode(code);

        Assert.Equal(minorDigits, currency.MinorDigits);
        Assert.Equal(perMajorUnit, currency.MinorUnitsPerMajorUnit);
    }

    [Fact]
    public void StaticCurrencies_Always_HaveTheirCodes()
    {
        Assert.Equal("USD", Currency.Usd.Code);
        Assert.Equal("EUR", Currency.Eur.Code);
        Assert.Equal("GBP", Currency.Gbp.Code);
        Assert.Equal("JPY", Currency.Jpy.Code);
        Assert.Equal("CHF", Currency.Chf.Code);
        Assert.Equal("XXX", Currency.None.Code);
    }

    [Fact]
    public void Default_Always_IsXxxWithZeroMinorDigits()
    {
        Currency currency = default;

        Assert.Equal("XXX", currency.Code);
        Assert.Equal(0, currency.MinorDigits);
        Assert.Equal(Currency.None, currency);
        Assert.Equal(Currency.FromCode("XXX"), currency);
        Assert.Equal("XXX", currency.ToString());
    }

    [Fact]
    public void All_Always_IsOrderedOrdinallyByCodeAndUnique()
    {
        IReadOnlyList<Currency> all = Currency.All;
        string[] codes = all.Select(c => c.Code).ToArray();

        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all.Zip(all.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First} < {pair.Second}"));
    }

    [Fact]
    public void All_Always_HoldsEveryCodeFromCodeAccepts()
    {
        IReadOnlyList<Currency> all = Currency.All;

        Assert.Contains(Currency.Usd, all);
        Assert.Contains(Currency.Jpy, all);
        Assert.Contains(Currency.None, all);
        Assert.True(all.Count > 150, $"expected the ISO 4217 list of active currencies, got {all.Count} codes");
        Assert.All(all, c =>
        {
            Assert.Matches("^[A-Z]{3}$", c.Code);
            Assert.Equal(c, Currency.FromCode(c.Code));
            Assert.Equal(c, Currency.FromCode(c.Code.ToLowerInvariant()));
            Assert.InRange(c.MinorDigits, 0, 4);
        });
    }

    [Fact]
    public void CompareTo_TwoCurrencies_OrdersByCodeOrdinally()
    {
        Assert.True(Currency.Eur.CompareTo(Currency.Usd) < 0);
        Assert.True(Currency.Usd.CompareTo(Currency.Eur) > 0);
        Assert.Equal(0, Currency.Usd.CompareTo(Currency.FromCode("usd")));
        Assert.True(Currency.Usd < Currency.None);
        Assert.True(Currency.None > Currency.Usd);
        Assert.True(Currency.Usd <= Currency.Usd);
        Assert.True(Currency.Usd >= Currency.Usd);
    }

    [Fact]
    public void Equality_RandomCurrencies_IsAnEquivalenceConsistentWithHashAndOperators() =>
        EqualityLaws.Hold(PrimitiveGenerators.SmallCurrencies(), (a, b) => a == b, (a, b) => a != b);

    [Fact]
    public void Equality_AnyKnownCurrencies_IsAnEquivalenceConsistentWithHashAndOperators() =>
        EqualityLaws.Hold(PrimitiveGenerators.Currencies(), (a, b) => a == b, (a, b) => a != b);

    [Fact]
    public void CompareTo_RandomCurrencies_IsATotalOrderConsistentWithEquals() =>
        EqualityLaws.OrderHolds(
            PrimitiveGenerators.Currencies(),
            (_, _) => true,
            (a, b) => a < b,
            (a, b) => a <= b,
            (a, b) => a > b,
            (a, b) => a >= b);
}
