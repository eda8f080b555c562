using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Tests.Primitives;

public sealed class EqualityOperatorTests
{
    [Fact]
    public void OperatorEquals_EqualGrids_IsTrue()
    {
        PeriodGrid a = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));
        PeriodGrid b = PeriodGrid.Monthly(new LocalDate(2024, 1, 15), new LocalDate(2024, 3, 2));

        Assert.True(a.Equals(b));
        Assert.True(a == b, "PeriodGrid has IEquatable but no ==, so == compares references");
        Assert.True(a[0] == b[0], "Period has IEquatable but no ==, so == compares references");
    }

    [Theory]
    [InlineData(MinorUnitRounding.Unknown)]
    [InlineData((MinorUnitRounding)99)]
    public void TryFromDecimal_UndefinedRounding_ReturnsFalse(MinorUnitRounding rounding)
    {
        Assert.False(Money.TryFromDecimal(0.125m, Currency.Usd, rounding, out _, out string? error));
        Assert.NotNull(error);
    }
}
