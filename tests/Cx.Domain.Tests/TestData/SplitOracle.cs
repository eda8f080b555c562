using System.Numerics;

namespace Cx.Domain.Tests.TestData;

/// <summary>The documented largest-remainder rule, written independently of the library in exact rational arithmetic
/// (BigInteger numerators and denominators): each part gets the floor of value × weight / total weight, and the units left
/// go one each to the largest remainders, equal remainders to the lower index (the touchpoint first in journey order).</summary>
internal static class SplitOracle
{
    /// <summary>An exact non-negative rational.</summary>
    internal readonly record struct Rational(BigInteger Numerator, BigInteger Denominator)
    {
        public static Rational Zero { get; } = new(BigInteger.Zero, BigInteger.One);

        public static Rational Of(long numerator, long denominator = 1) => new(numerator, denominator);

        /// <summary>A double as the exact binary fraction it is.</summary>
        public static Rational Of(double x)
        {
            if (x == 0)
            {
                return Zero;
            }

            long bits = BitConverter.DoubleToInt64Bits(x);
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & ((1L << 52) - 1);
            if (exponent == 0)
            {
                exponent = 1;
            }
            else
            {
                mantissa |= 1L << 52;
            }

            int power = exponent - 1075;
            return power >= 0 ? new Rational(new BigInteger(mantissa) << power, BigInteger.One) : new Rational(mantissa, BigInteger.One << -power);
        }

        /// <summary>A decimal as the exact decimal fraction it is.</summary>
        public static Rational Of(decimal x)
        {
            int scale = (decimal.GetBits(x)[3] >> 16) & 0xFF;
            decimal power = 1;
            for (int i = 0; i < scale; i++)
            {
                power *= 10;
            }

            return new Rational(new BigInteger(x * power), BigInteger.Pow(10, scale));
        }

        public static Rational operator +(Rational a, Rational b) => new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

        public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

        public static Rational operator /(Rational a, Rational b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

        public bool IsPositive => Numerator.Sign > 0;
    }

    /// <summary>Splits a value over parts weighted exactly.</summary>
    public static long[] Split(long value, IReadOnlyList<Rational> weights)
    {
        Rational total = Rational.Zero;
        foreach (Rational w in weights)
        {
            total += w;
        }

        var floors = new long[weights.Count];
        var remainders = new Rational[weights.Count];
        long assigned = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            Rational quota = Rational.Of(value) * weights[i] / total;
            BigInteger floor = BigInteger.Divide(quota.Numerator, quota.Denominator);
            floors[i] = (long)floor;
            remainders[i] = new Rational(quota.Numerator - (floor * quota.Denominator), quota.Denominator);
            assigned += floors[i];
        }

        // Largest remainder first; among equal remainders the lower index; a zero weight never gets a unit.
        int[] order = Enumerable.Range(0, weights.Count).Where(i => weights[i].IsPositive)
            .OrderByDescending(i => remainders[i], Comparer<Rational>.Create(Compare)).ThenBy(i => i).ToArray();
        for (long left = value - assigned, k = 0; left > 0; left--, k++)
        {
            floors[order[k]]++;
        }

        return floors;
    }

    private static int Compare(Rational a, Rational b) => (a.Numerator * b.Denominator).CompareTo(b.Numerator * a.Denominator);
}
