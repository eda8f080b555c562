using System.Numerics;
using System.Runtime.CompilerServices;

namespace Cx.Domain.Internal;

/// <summary>Splits a whole number of minor units over parts in proportion to exact rational weights (largest-remainder
/// method): every part gets the floor of its exact quota, and the units left over go one each to the largest exact
/// remainders, equal remainders to the lower index.</summary>
/// <remarks>
/// <para>Each weight is a sum of terms <c>numerator / denominator</c>: a finite non-negative <see cref="double"/> (an exact
/// binary fraction) over a positive integer. The terms are brought to one common denominator exactly — the binary exponents
/// aligned, the integer denominators to their least common multiple — so each part's weight becomes an integer number of
/// units and the quotas <c>value × units / total</c> are compared in exact integer arithmetic: 64-bit when the units fit,
/// 128-bit for most weights that come from doubles, arbitrary precision beyond. No weight is rounded before the split, so
/// quotas that tie exactly (1/6 and 1/6, 0.2/7 and 0.2/7) tie in the split too, and the earlier part — callers order parts
/// by journey order — wins.</para>
/// <para>Weights learned in floating point by a data-driven model stand for rational numbers (removal effects, Shapley values)
/// that the doubles carry with rounding noise; for them, remainders within 2^-32 of the value (in cents: a four-billionth
/// of the movement, far below any difference the learned weights can resolve) count as equal, so an exact tie of the
/// rational weights still goes to the earlier part.</para>
/// <para>One instance per thread: it owns scratch buffers.</para>
/// </remarks>
internal sealed class LargestRemainder
{
    private const double Epsilon52 = 1.0 / (1L << 52);
    private const double TwoToMinus32 = 1.0 / (1L << 32);
    private long[] _mantissa = new long[16];
    private int[] _exponent = new int[16];
    private long[] _long = new long[16];
    private Int128[] _wide = new Int128[16];
    private Int128[] _wideRemainder = new Int128[16];
    private long[] _longRemainder = new long[16];
    private BigInteger[] _big = new BigInteger[16];
    private BigInteger[] _bigRemainder = new BigInteger[16];

    /// <summary>Splits <paramref name="value"/> over parts.</summary>
    /// <param name="value">The value to split, zero or more.</param>
    /// <param name="part">For each term, the part it adds to (0 to <paramref name="partCount"/> − 1).</param>
    /// <param name="numerators">For each term, its numerator: finite, zero or more.</param>
    /// <param name="denominators">For each term, its denominator: one or more.</param>
    /// <param name="partCount">The number of parts; at least one term with a positive numerator.</param>
    /// <param name="parts">Receives each part's share of the value.</param>
    /// <param name="fractions">Receives each part's weight as a fraction of the total weight (for display).</param>
    /// <param name="tolerant">Whether the weights were computed in floating point (learned by a data-driven model): remainders
    /// within 2^-32 × value units of the largest then count as tied, so that quotas that tie exactly in the rational weights
    /// the doubles stand for are not decided by rounding noise.</param>
    public void Split(long value, ReadOnlySpan<int> part, ReadOnlySpan<double> numerators, ReadOnlySpan<long> denominators, int partCount, Span<long> parts, Span<double> fractions, bool tolerant = false)
    {
        int terms = part.Length;
        if (_mantissa.Length < terms)
        {
            _mantissa = new long[terms * 2];
            _exponent = new int[terms * 2];
        }

        if (_long.Length < partCount)
        {
            _long = new long[partCount * 2];
            _wide = new Int128[partCount * 2];
            _wideRemainder = new Int128[partCount * 2];
            _longRemainder = new long[partCount * 2];
            _big = new BigInteger[partCount * 2];
            _bigRemainder = new BigInteger[partCount * 2];
        }

        // Whole numbers over 1 (the heuristic models): the units are the numerators themselves.
        bool whole = true;
        for (int i = 0; i < terms && whole; i++)
        {
            double x = numerators[i];
            whole = denominators[i] == 1 && x == Math.Floor(x) && x < 1 << 30;
            _mantissa[i] = whole ? (long)x : 0;
            _exponent[i] = 0;
        }

        if (whole)
        {
            SplitLong(value, part, denominators, 1, 0, partCount, parts, fractions, tolerant, whole: true);
            return;
        }

        if (TrySplitFloating(value, part, numerators, denominators, partCount, parts, fractions, tolerant))
        {
            return;
        }

        // Each positive numerator as an odd integer mantissa times a power of two; the common denominator of the terms.
        int lowest = int.MaxValue;
        long common = 1;
        bool commonFits = true;
        for (int i = 0; i < terms; i++)
        {
            double x = numerators[i];
            if (x > 0)
            {
                Decompose(x, out _mantissa[i], out _exponent[i]);
                lowest = Math.Min(lowest, _exponent[i]);
                long d = denominators[i];
                if (d != 1 && commonFits && common % d != 0)
                {
                    commonFits = TryLcm(common, d, out common);
                }
            }
            else
            {
                _mantissa[i] = 0;
            }
        }

        // Bits of the largest term in units, and of the largest possible total.
        int bits = 0;
        if (commonFits)
        {
            for (int i = 0; i < terms; i++)
            {
                if (_mantissa[i] != 0)
                {
                    bits = Math.Max(bits, BitLength(_mantissa[i]) + (_exponent[i] - lowest) + BitLength(common / denominators[i]));
                }
            }

            bits += BitLength(terms);
        }

        if (commonFits && bits <= 62)
        {
            SplitLong(value, part, denominators, common, lowest, partCount, parts, fractions, tolerant);
        }
        else if (commonFits && bits + BitLength(value) <= 126)
        {
            SplitWide(value, part, denominators, common, lowest, partCount, parts, fractions, tolerant);
        }
        else
        {
            SplitBig(value, part, denominators, lowest, partCount, parts, fractions, tolerant);
        }
    }

    /// <summary>The split in floating point, accepted only when a bound on its rounding error proves it equal to the exact
    /// one: no quota within the error of an integer (so every floor is right), and the remainders that get the units left
    /// over separated from the others by more than twice the error (more than the tolerance too, for learned weights).</summary>
    /// <returns>False when the bound cannot decide (a quota on or near an integer, a tie at the cut): the caller splits exactly.</returns>
    private bool TrySplitFloating(long value, ReadOnlySpan<int> part, ReadOnlySpan<double> numerators, ReadOnlySpan<long> denominators, int partCount, Span<long> parts, Span<double> fractions, bool tolerant)
    {
        if (value >= 1L << 50 || partCount > 64)
        {
            return false;
        }

        Span<double> weights = fractions;
        weights.Clear();
        for (int i = 0; i < part.Length; i++)
        {
            if (numerators[i] > 0)
            {
                weights[part[i]] += numerators[i] / denominators[i];
            }
        }

        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        if (!(total > 0) || !double.IsFinite(total))
        {
            return false;
        }

        // Each quota value × w / total carries a relative error below (2 terms + parts + 5) × 2^-53: bound it generously.
        double error = value * (2.0 * part.Length + partCount + 8) * Epsilon52;
        Span<double> remainders = stackalloc double[partCount];
        long assigned = 0;
        int positive = 0;
        for (int j = 0; j < partCount; j++)
        {
            double w = weights[j];
            fractions[j] = w / total;
            if (!(w > 0))
            {
                parts[j] = 0;
                remainders[j] = -1;
                continue;
            }

            double quota = value * (w / total);
            double floor = Math.Floor(quota);
            double remainder = quota - floor;
            if (remainder <= error || remainder >= 1 - error)
            {
                return false;
            }

            parts[j] = (long)floor;
            remainders[j] = remainder;
            assigned += parts[j];
            positive++;
        }

        long left = value - assigned;
        if (left < 0 || left >= positive)
        {
            return false;
        }

        if (left > 0)
        {
            // The left-th and (left + 1)-th largest remainders, by selection (few parts, fewer units left).
            Span<double> pool = stackalloc double[partCount];
            remainders.CopyTo(pool);
            double cut = double.MaxValue;
            double below = -1;
            for (long k = 0; k <= left; k++)
            {
                int at = 0;
                for (int j = 1; j < partCount; j++)
                {
                    at = pool[j] > pool[at] ? j : at;
                }

                (cut, below) = k < left ? (pool[at], below) : (cut, pool[at]);
                pool[at] = -1;
            }
            double gap = (2 * error) + (tolerant ? value * TwoToMinus32 : 0);
            if (below >= 0 && cut - below <= gap)
            {
                return false;
            }

            for (int j = 0; j < partCount; j++)
            {
                if (remainders[j] >= cut)
                {
                    parts[j]++;
                }
            }
        }

        return true;
    }

    /// <summary>A positive finite double as an odd mantissa times 2^exponent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Decompose(double x, out long mantissa, out int exponent)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & ((1L << 52) - 1);
        if (biased == 0)
        {
            mantissa = fraction;
            exponent = -1074;
        }
        else
        {
            mantissa = fraction | (1L << 52);
            exponent = biased - 1075;
        }

        int zeros = BitOperations.TrailingZeroCount(mantissa);
        mantissa >>= zeros;
        exponent += zeros;
    }

    private static int BitLength(long x) => 64 - BitOperations.LeadingZeroCount((ulong)x);

    private static bool TryLcm(long a, long b, out long lcm)
    {
        long gcd = Gcd(a, b);
        long factor = b / gcd;
        if (a > long.MaxValue / factor)
        {
            lcm = 0;
            return false;
        }

        lcm = a * factor;
        return true;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private void SplitLong(long value, ReadOnlySpan<int> part, ReadOnlySpan<long> denominators, long common, int lowest, int partCount, Span<long> parts, Span<double> fractions, bool tolerant, bool whole = false)
    {
        Span<long> units = _long.AsSpan(0, partCount);
        units.Clear();
        if (whole)
        {
            // Whole numbers over 1: the numerators are the units.
            for (int i = 0; i < part.Length; i++)
            {
                units[part[i]] += _mantissa[i];
            }
        }
        else
        {
            for (int i = 0; i < part.Length; i++)
            {
                if (_mantissa[i] != 0)
                {
                    units[part[i]] += (_mantissa[i] << (_exponent[i] - lowest)) * (common / denominators[i]);
                }
            }
        }

        long total = 0;
        foreach (long u in units)
        {
            total += u;
        }

        // Quotients in 64 bits when value × total fits, otherwise from 128-bit products; a remainder is below total, so it
        // always fits in 64 bits.
        long assigned = 0;
        Span<long> remainders = _longRemainder.AsSpan(0, partCount);
        bool small = value <= long.MaxValue / total;
        for (int j = 0; j < partCount; j++)
        {
            long u = units[j];
            fractions[j] = (double)u / total;
            if (small)
            {
                long product = value * u;
                long quotient = product / total;
                parts[j] = quotient;
                remainders[j] = u == 0 ? -1 : product - (quotient * total);
            }
            else
            {
                Int128 product = (Int128)value * u;
                parts[j] = (long)(product / total);
                remainders[j] = u == 0 ? -1 : (long)(product % total);
            }

            assigned += parts[j];
        }

        HandOutLeftovers(value - assigned, remainders, parts, tolerant ? (long)Int128.Min(long.MaxValue, ((Int128)total >> 32) * value) : 0);
    }

    private void SplitWide(long value, ReadOnlySpan<int> part, ReadOnlySpan<long> denominators, long common, int lowest, int partCount, Span<long> parts, Span<double> fractions, bool tolerant)
    {
        Span<Int128> units = _wide.AsSpan(0, partCount);
        units.Clear();
        for (int i = 0; i < part.Length; i++)
        {
            if (_mantissa[i] != 0)
            {
                units[part[i]] += ((Int128)_mantissa[i] << (_exponent[i] - lowest)) * (common / denominators[i]);
            }
        }

        Int128 total = 0;
        foreach (Int128 u in units)
        {
            total += u;
        }

        double totalAsDouble = (double)total;
        Span<Int128> remainders = _wideRemainder.AsSpan(0, partCount);
        long assigned = 0;
        for (int j = 0; j < partCount; j++)
        {
            Int128 u = units[j];
            fractions[j] = (double)u / totalAsDouble;
            Int128 product = value * u;
            long quotient = DivideEstimated(product, total, totalAsDouble, value, out Int128 remainder);
            parts[j] = quotient;
            remainders[j] = u == 0 ? -1 : remainder;
            assigned += quotient;
        }

        HandOutLeftovers(value - assigned, remainders, parts, tolerant ? (total >> 32) * value : 0);
    }

    /// <summary>floor(product / total) for a quotient known to lie in [0, value]: estimated in floating point and corrected
    /// exactly, which avoids the slow 128-bit division for the usual values.</summary>
    private static long DivideEstimated(Int128 product, Int128 total, double totalAsDouble, long value, out Int128 remainder)
    {
        if (value >= 1L << 50)
        {
            Int128 q = product / total;
            remainder = product - (q * total);
            return (long)q;
        }

        // The estimate is within a few units of the quotient (its relative error is a few 2^-53, the quotient below 2^50).
        long estimate = Math.Clamp((long)((double)product / totalAsDouble), 0, value);
        Int128 rest = product - (estimate * total);
        while (rest < 0)
        {
            estimate--;
            rest += total;
        }

        while (rest >= total)
        {
            estimate++;
            rest -= total;
        }

        remainder = rest;
        return estimate;
    }

    /// <summary>One unit each to the largest remainders: the lowest index among those within the tolerance of the largest
    /// (a negative remainder marks a part that gets nothing more).</summary>
    private static void HandOutLeftovers<T>(long left, Span<T> remainders, Span<long> parts, T tolerance)
        where T : IBinaryInteger<T>
    {
        for (; left > 0; left--)
        {
            T largest = -T.One;
            foreach (T r in remainders)
            {
                largest = r > largest ? r : largest;
            }

            int best = 0;
            while (T.IsNegative(remainders[best]) || remainders[best] < largest - tolerance)
            {
                best++;
            }

            parts[best]++;
            remainders[best] = -T.One;
        }
    }

    private void SplitBig(long value, ReadOnlySpan<int> part, ReadOnlySpan<long> denominators, int lowest, int partCount, Span<long> parts, Span<double> fractions, bool tolerant)
    {
        BigInteger common = BigInteger.One;
        for (int i = 0; i < part.Length; i++)
        {
            if (_mantissa[i] != 0 && denominators[i] != 1)
            {
                common = common / BigInteger.GreatestCommonDivisor(common, denominators[i]) * denominators[i];
            }
        }

        Span<BigInteger> units = _big.AsSpan(0, partCount);
        units.Fill(BigInteger.Zero);
        for (int i = 0; i < part.Length; i++)
        {
            if (_mantissa[i] != 0)
            {
                units[part[i]] += (new BigInteger(_mantissa[i]) << (_exponent[i] - lowest)) * (common / denominators[i]);
            }
        }

        BigInteger total = BigInteger.Zero;
        foreach (BigInteger u in units)
        {
            total += u;
        }

        Span<BigInteger> remainders = _bigRemainder.AsSpan(0, partCount);
        long assigned = 0;
        for (int j = 0; j < partCount; j++)
        {
            fractions[j] = Fraction(units[j], total);
            (BigInteger quotient, BigInteger remainder) = BigInteger.DivRem(value * units[j], total);
            parts[j] = (long)quotient;
            remainders[j] = units[j].IsZero ? BigInteger.MinusOne : remainder;
            assigned += parts[j];
        }

        HandOutLeftovers(value - assigned, remainders, parts, tolerant ? (total >> 32) * value : BigInteger.Zero);
    }

    /// <summary>units / total as a double, scaled first so that huge integers do not overflow to infinity.</summary>
    private static double Fraction(BigInteger units, BigInteger total)
    {
        long shift = Math.Max(0, (long)total.GetBitLength() - 1000);
        return (double)(units >> (int)shift) / (double)(total >> (int)shift);
    }
}
