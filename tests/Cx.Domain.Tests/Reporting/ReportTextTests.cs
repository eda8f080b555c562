using System.Globalization;
using Cx.Domain.Reporting;
using Cx.Domain.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.Reporting;

/// <summary>How the renderers write a number for people (<see cref="ReportText.Short"/>).</summary>
public sealed class ReportTextTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1234.5, "1,234")]
    [InlineData(1234.56789, "1,235")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.012355, "0.01236")]
    [InlineData(-98765.4, "-98,765")]
    [InlineData(0.0000012345, "0.000001234")]
    [InlineData(1e-300, "1E-300")]
    [InlineData(-2.5e-12, "-2.5E-12")]
    [InlineData(123456789012345.0, "123,456,789,012,345")]
    [InlineData(1e300, "1E+300")]
    [InlineData(double.MaxValue, "1.798E+308")]
    [InlineData(double.Epsilon, "4.941E-324")]
    [InlineData(double.NaN, "-")]
    [InlineData(double.PositiveInfinity, "-")]
    public void Short_WritesFourSignificantDigitsAndWholeIntegers(double value, string expected) =>
        Assert.Equal(expected, ReportText.Short(value));

    /// <summary>Fuzz seed 13 of the tool: <c>cx value --at-risk-threshold 1e-300 --format table</c> was an internal error,
    /// Math.Round's "Rounding digits must be between 0 and 15".</summary>
    [Fact]
    public void Short_AnyFiniteNumber_IsWrittenAndReadsBackWithinItsRounding()
    {
        // Every magnitude a double has, each sign, 1 to 6 digits.
        Gen<double> values = Gen.Choose(-323, 308).Zip(Gen.Choose(1_000, 9_999)).Zip(Gen.Elements(1.0, -1.0))
            .Select(t => t.Item2 * (t.Item1.Item2 / 1_000.0) * Math.Pow(10, t.Item1.Item1))
            .Where(double.IsFinite);
        Properties.Check(Gen.Elements(1, 2, 3, 4, 6).Zip(values).ToArbitrary(), t =>
        {
            (int digits, double value) = t;
            string text = ReportText.Short(value, digits);
            double back = double.Parse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

            // Rounding to d significant digits moves a number by at most half a unit of its d-th digit (and a subnormal
            // by its last place); an integer part is always written whole.
            double place = Math.Floor(Math.Log10(Math.Abs(value))) - digits + 1;
            double unit = Math.Pow(10, Math.Abs(value) is >= 1e-6 and < 1e15 ? Math.Min(place, 0) : place);
            Assert.True(Math.Abs(back - value) <= (0.5 * unit * (1 + 1e-12)) + double.Epsilon, $"{value:R} with {digits} digits: {text}");
            Assert.Equal(Math.Abs(value) is < 1e-6 or >= 1e15, text.Contains('E', StringComparison.Ordinal));
        }, maxTests: 2_000);
    }
}
