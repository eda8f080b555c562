namespace Cx.Domain.Internal;

/// <summary>Student's t distribution with ν degrees of freedom (ν &gt; 0, not necessarily whole): tails and quantiles.</summary>
/// <remarks>P(T &gt; t) = I_x(ν/2, 1/2) / 2 with x = ν / (ν + t²) for t &gt;= 0 (the incomplete beta function); quantiles by
/// bisection on that tail to 1e-13, plenty for intervals and tests.</remarks>
internal static class StudentTDistribution
{
    /// <summary>P(T &gt; t).</summary>
    public static double UpperTail(double t, double degreesOfFreedom)
    {
        if (double.IsPositiveInfinity(degreesOfFreedom))
        {
            return NormalDistribution.UpperTail(t);
        }

        double half = 0.5 * SpecialFunctions.BetaRegularized(degreesOfFreedom / (degreesOfFreedom + (t * t)), degreesOfFreedom / 2, 0.5);
        return t >= 0 ? half : 1 - half;
    }

    /// <summary>The two-sided p-value of a t statistic: P(|T| &gt;= |t|).</summary>
    public static double TwoSided(double t, double degreesOfFreedom) =>
        Math.Min(1, 2 * UpperTail(Math.Abs(t), degreesOfFreedom));

    /// <summary>The quantile: the t with P(T &lt;= t) = p, for 0 &lt; p &lt; 1.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (p == 0.5)
        {
            return 0;
        }

        if (p < 0.5)
        {
            return -Quantile(1 - p, degreesOfFreedom);
        }

        double tail = 1 - p;
        double low = 0;
        double high = Math.Max(1, 2 * NormalDistribution.Quantile(p));
        while (UpperTail(high, degreesOfFreedom) > tail)
        {
            low = high;
            high *= 2;
        }

        for (int i = 0; i < 200 && high - low > 1e-13 * Math.Max(1, high); i++)
        {
            double mid = 0.5 * (low + high);
            if (UpperTail(mid, degreesOfFreedom) > tail)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);
    }
}
