namespace Cx.Domain.Internal;

/// <summary>Estimators of the difference and ratio of two risks (proportions), crude and stratified, with their intervals.</summary>
/// <remarks>
/// <para>Crude: the risk difference with Newcombe's hybrid score interval (Newcombe 1998, "Interval estimation for the
/// difference between independent proportions: comparison of eleven methods", Statistics in Medicine 17:873-890, method
/// 10: Wilson score limits of each proportion combined); the risk ratio with the log (Katz) interval,
/// se(ln RR) = sqrt(1/a - 1/n1 + 1/c - 1/n0).</para>
/// <para>Stratified: the Mantel-Haenszel risk difference and risk ratio (Rothman, Greenland and Lash, Modern Epidemiology,
/// 3rd ed., ch. 15), with the Greenland and Robins (1985, Biometrics 41:55-68) variance estimators: for the difference
/// Var = Σ (a b n0³ + c d n1³) / (n1 n0 N²) / (Σ n1 n0 / N)², for the log ratio
/// Var = Σ (n1 n0 (a + c) / N² - a c / N) / (Σ a n0 / N · Σ c n1 / N).</para>
/// <para>Notation per stratum: a of n1 exposed had the outcome (b = n1 - a did not), c of n0 unexposed had it (d = n0 - c),
/// N = n1 + n0.</para>
/// </remarks>
internal static class RiskStatistics
{
    /// <summary>Wilson's score interval of x successes in n trials (n &gt; 0), at critical value z.</summary>
    public static (double Lower, double Upper) Wilson(long x, long n, double z)
    {
        double p = (double)x / n;
        double z2 = z * z;
        double centre = p + (z2 / (2 * n));
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        double denominator = 1 + (z2 / n);
        double lower = x == 0 ? 0 : (centre - half) / denominator;
        double upper = x == n ? 1 : (centre + half) / denominator;
        return (Math.Max(0, lower), Math.Min(1, upper));
    }

    /// <summary>The risk difference a/n1 - c/n0 with Newcombe's method 10 interval; both groups need n &gt; 0.</summary>
    public static (double Difference, double Lower, double Upper) NewcombeDifference(long a, long n1, long c, long n0, double z)
    {
        double p1 = (double)a / n1;
        double p0 = (double)c / n0;
        (double l1, double u1) = Wilson(a, n1, z);
        (double l0, double u0) = Wilson(c, n0, z);
        double d = p1 - p0;
        double lower = d - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u0 - p0) * (u0 - p0)));
        double upper = d + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p0 - l0) * (p0 - l0)));
        return (d, Math.Max(-1, lower), Math.Min(1, upper));
    }

    /// <summary>The risk ratio (a/n1) / (c/n0) with the log interval, or null when a or c is zero (the log is undefined).</summary>
    public static (double Ratio, double Lower, double Upper)? LogRatio(long a, long n1, long c, long n0, double z)
    {
        if (a == 0 || c == 0)
        {
            return null;
        }

        double ratio = ((double)a / n1) / ((double)c / n0);
        double se = Math.Sqrt((1.0 / a) - (1.0 / n1) + (1.0 / c) - (1.0 / n0));
        return (ratio, ratio * Math.Exp(-z * se), ratio * Math.Exp(z * se));
    }

    /// <summary>The Mantel-Haenszel risk difference with the Greenland-Robins variance, or null when no stratum has both
    /// groups. Strata are given as parallel arrays.</summary>
    public static (double Difference, double Lower, double Upper)? MantelHaenszelDifference(ReadOnlySpan<long> a, ReadOnlySpan<long> n1, ReadOnlySpan<long> c, ReadOnlySpan<long> n0, double z)
    {
        double numerator = 0;
        double weights = 0;
        double variance = 0;
        for (int k = 0; k < a.Length; k++)
        {
            if (n1[k] == 0 || n0[k] == 0)
            {
                continue;
            }

            double bigN = n1[k] + n0[k];
            double e = n1[k];
            double u = n0[k];
            double b = e - a[k];
            double d = u - c[k];
            numerator += ((a[k] * u) - (c[k] * e)) / bigN;
            weights += e * u / bigN;
            variance += ((a[k] * b * u * u * u) + (c[k] * d * e * e * e)) / (e * u * bigN * bigN);
        }

        if (weights == 0)
        {
            return null;
        }

        double difference = numerator / weights;
        double se = Math.Sqrt(variance) / weights;
        return (difference, Math.Max(-1, difference - (z * se)), Math.Min(1, difference + (z * se)));
    }

    /// <summary>The Mantel-Haenszel risk ratio with the Greenland-Robins variance of its log, or null when no stratum has both
    /// groups or either summed term is zero (no exposed or no unexposed case in the comparable strata).</summary>
    public static (double Ratio, double Lower, double Upper)? MantelHaenszelRatio(ReadOnlySpan<long> a, ReadOnlySpan<long> n1, ReadOnlySpan<long> c, ReadOnlySpan<long> n0, double z)
    {
        double r = 0;
        double s = 0;
        double v = 0;
        for (int k = 0; k < a.Length; k++)
        {
            if (n1[k] == 0 || n0[k] == 0)
            {
                continue;
            }

            double bigN = n1[k] + n0[k];
            r += a[k] * (double)n0[k] / bigN;
            s += c[k] * (double)n1[k] / bigN;
            v += ((double)n1[k] * n0[k] * (a[k] + c[k]) / (bigN * bigN)) - ((double)a[k] * c[k] / bigN);
        }

        if (r == 0 || s == 0)
        {
            return null;
        }

        double ratio = r / s;
        double se = Math.Sqrt(Math.Max(0, v) / (r * s));
        return (ratio, ratio * Math.Exp(-z * se), ratio * Math.Exp(z * se));
    }
}
