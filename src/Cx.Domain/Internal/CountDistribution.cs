namespace Cx.Domain.Internal;

/// <summary>A count distribution with mean μ and variance φμ: Poisson when φ = 1, otherwise the negative binomial with
/// size μ / (φ - 1) and probability 1 / φ — the plug-in distribution of Noufaily et al. (2013) as in R's
/// <c>surveillance::farringtonFlexible</c> (<c>qnbinom(1 - α, μ/(φ-1), 1/φ)</c>).</summary>
/// <remarks>Probabilities are summed term by term from the mode outward with the ratio of consecutive terms, starting
/// from a log-gamma value, so they keep their relative accuracy in the far tails and never underflow for large means.</remarks>
internal readonly struct CountDistribution
{
    private const double Negligible = 1e-18;

    // Beyond this size the negative binomial and the Poisson differ by less than 1e-12 relative at any count that matters.
    private const double PoissonSize = 1e12;

    private readonly double _size;
    private readonly double _q;
    private readonly double _logQ;
    private readonly double _sizeLogP;

    public CountDistribution(double mean, double dispersion)
    {
        Mean = mean;
        Dispersion = dispersion;
        double delta = dispersion - 1;
        IsPoisson = delta <= 0 || mean / delta > PoissonSize;
        _size = IsPoisson ? double.PositiveInfinity : mean / delta;

        // q = 1 - 1/φ = δ/φ and size × ln(1/φ) = -(μ/δ) ln(1 + δ), written so that φ close to 1 keeps its precision.
        _q = IsPoisson ? 0 : delta / dispersion;
        _logQ = IsPoisson ? 0 : Math.Log(delta) - Math.Log(dispersion);
        _sizeLogP = IsPoisson ? 0 : -mean * SpecialFunctions.Log1P(delta) / delta;
    }

    public double Mean { get; }

    public double Dispersion { get; }

    public bool IsPoisson { get; }

    private long Mode => Mean <= 0 ? 0
        : IsPoisson ? (long)Math.Floor(Mean)
        : _size > 1 ? (long)Math.Floor((_size - 1) * _q / (1 - _q)) : 0;

    /// <summary>ln P(Y = k).</summary>
    public double LogProbability(long k)
    {
        if (Mean <= 0)
        {
            return k == 0 ? 0 : double.NegativeInfinity;
        }

        return IsPoisson
            ? (k * Math.Log(Mean)) - Mean - SpecialFunctions.LogGamma(k + 1.0)
            : LogGammaRatio(k, _size) - SpecialFunctions.LogGamma(k + 1.0) + _sizeLogP + (k * _logQ);
    }

    /// <summary>ln Γ(k + r) - ln Γ(r), summed term by term when r is large (where the difference of two huge log-gammas
    /// would lose digits).</summary>
    private static double LogGammaRatio(long k, double r)
    {
        if (r < 1e4 || k > 100_000)
        {
            return SpecialFunctions.LogGamma(k + r) - SpecialFunctions.LogGamma(r);
        }

        double sum = k * Math.Log(r);
        for (long j = 1; j < k; j++)
        {
            sum += SpecialFunctions.Log1P(j / r);
        }

        return sum;
    }

    /// <summary>P(Y = k + 1) / P(Y = k).</summary>
    private double Ratio(long k) => IsPoisson ? Mean / (k + 1) : (k + _size) / (k + 1) * _q;

    /// <summary>P(Y &gt;= y): the probability of a count at least this high.</summary>
    public double UpperTail(long y)
    {
        if (y <= 0)
        {
            return 1;
        }

        if (Mean <= 0)
        {
            return 0;
        }

        if (y > Mode)
        {
            double term = Math.Exp(LogProbability(y));
            double sum = 0;
            for (long k = y; term > sum * Negligible && term > 0; k++)
            {
                sum += term;
                term *= Ratio(k);
            }

            return Math.Min(1, sum);
        }

        double lower = 0;
        double t = Math.Exp(LogProbability(y - 1));
        for (long k = y - 1; k >= 0 && t > lower * Negligible && t > 0; k--)
        {
            lower += t;
            t = k > 0 ? t / Ratio(k - 1) : 0;
        }

        return Math.Max(0, 1 - lower);
    }

    /// <summary>The smallest k with P(Y &lt;= k) &gt;= p (R's <c>qpois</c>/<c>qnbinom</c>).</summary>
    public long Quantile(double p)
    {
        if (Mean <= 0)
        {
            return 0;
        }

        long k = Mode;
        double pmf = Math.Exp(LogProbability(k));
        double cdf = 1 - UpperTail(k + 1);

        // As R does (p × (1 - 64 DBL_EPSILON)): a cumulative sum that rounds just below p still stops.
        double target = p * (1 - (64 * 2.220446049250313e-16));
        if (cdf >= target)
        {
            while (k > 0 && cdf - pmf >= target)
            {
                cdf -= pmf;
                pmf /= Ratio(k - 1);
                k--;
            }

            return k;
        }

        while (cdf < target)
        {
            pmf *= Ratio(k);
            k++;
            cdf += pmf;
        }

        return k;
    }
}
