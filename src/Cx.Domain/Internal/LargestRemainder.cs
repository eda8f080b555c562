namespace Cx.Domain.Internal;

/// <summary>Splits a whole number of minor units into parts proportional to weights, exactly (largest-remainder method).</summary>
/// <remarks>
/// Weights are first quantised to integers (each positive weight to at least 1 of 2^40 units of the total), so the rest is
/// exact 128-bit integer arithmetic: every part gets the floor of its quota, and the units left over (fewer than the number
/// of positive weights) go one each to the largest remainders. Ties go to the lower index — callers order parts by journey
/// order, so the earlier touchpoint wins a tie. A zero weight always gets zero; the parts always sum to the value.
/// </remarks>
internal static class LargestRemainder
{
    private const double Scale = 1L << 40;

    /// <summary>Fills <paramref name="parts"/>; at least one weight must be positive and all finite and non-negative.</summary>
    public static void Allocate(long value, ReadOnlySpan<double> weights, Span<long> parts, Span<long> units, Span<long> remainders)
    {
        double total = 0;
        foreach (double w in weights)
        {
            if (w > 0)
            {
                total += w;
            }
        }

        long unitTotal = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            units[i] = weights[i] > 0 ? Math.Max(1, (long)Math.Round(weights[i] / total * Scale)) : 0;
            unitTotal += units[i];
        }

        long assigned = 0;
        if (value <= long.MaxValue / unitTotal)
        {
            // value × units[i] ≤ value × unitTotal fits in 64 bits: the same quotients and remainders without Int128.
            for (int i = 0; i < weights.Length; i++)
            {
                long product = value * units[i];
                long quotient = product / unitTotal;
                parts[i] = quotient;
                remainders[i] = units[i] == 0 ? -1 : product - (quotient * unitTotal);
                assigned += quotient;
            }
        }
        else
        {
            for (int i = 0; i < weights.Length; i++)
            {
                Int128 product = (Int128)value * units[i];
                parts[i] = (long)(product / unitTotal);
                remainders[i] = units[i] == 0 ? -1 : (long)(product % unitTotal);
                assigned += parts[i];
            }
        }

        for (long left = value - assigned; left > 0; left--)
        {
            int best = -1;
            for (int i = 0; i < weights.Length; i++)
            {
                if (remainders[i] >= 0 && (best < 0 || remainders[i] > remainders[best]))
                {
                    best = i;
                }
            }

            parts[best]++;
            remainders[best] = -1;
        }
    }
}
