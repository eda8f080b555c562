using Cx.Domain.Internal;

namespace Cx.Domain.Listening;

/// <summary>The interval estimates and tests of the survey metrics.</summary>
internal static class SurveyStatistics
{
    /// <summary>The adjusted-Wald interval of Rocks (2016), in points.</summary>
    public static SurveyInterval Nps(long promoters, long detractors, long n, double z)
    {
        double raw = 100.0 * (promoters - detractors) / n;
        (double center, double variance) = AdjustedNps(promoters, detractors, n);
        double se = Math.Sqrt(variance);
        return new SurveyInterval(raw, 100 * se, Math.Max(-100, 100 * (center - (z * se))), Math.Min(100, 100 * (center + (z * se))), 100 * center);
    }

    /// <summary>The adjusted score p' - d' and its variance (p' + d' - (p' - d')²) / (n + 3).</summary>
    public static (double Center, double Variance) AdjustedNps(long promoters, long detractors, long n)
    {
        double na = n + 3.0;
        double p = (promoters + 0.75) / na;
        double d = (detractors + 0.75) / na;
        double center = p - d;
        return (center, Math.Max(0, p + d - (center * center)) / na);
    }

    /// <summary>The Wilson score interval of a proportion, in percent, with the Wald standard error.</summary>
    public static SurveyInterval Wilson(long successes, long n, double z)
    {
        double p = (double)successes / n;
        double z2 = z * z;
        double denominator = 1 + (z2 / n);
        double center = (p + (z2 / (2.0 * n))) / denominator;
        double half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        double lower = successes == 0 ? 0 : Math.Max(0, 100 * (center - half));
        double upper = successes == n ? 100 : Math.Min(100, 100 * (center + half));
        return new SurveyInterval(100 * p, 100 * Math.Sqrt(p * (1 - p) / n), lower, upper, 100 * center);
    }

    /// <summary>The mean of a histogram of scores 1..k with its t interval (clipped to the scale) and the standard deviation.</summary>
    public static (SurveyInterval Mean, double StandardDeviation) Mean(ReadOnlySpan<long> histogram, int lowestScore, double confidenceLevel)
    {
        long n = 0;
        long sum = 0;
        for (int i = 0; i < histogram.Length; i++)
        {
            n += histogram[i];
            sum += histogram[i] * (lowestScore + i);
        }

        double mean = (double)sum / n;
        double squares = 0;
        for (int i = 0; i < histogram.Length; i++)
        {
            double d = lowestScore + i - mean;
            squares += histogram[i] * d * d;
        }

        double highest = lowestScore + histogram.Length - 1;
        if (n < 2)
        {
            return (new SurveyInterval(mean, 0, lowestScore, highest, mean), 0);
        }

        double sd = Math.Sqrt(squares / (n - 1));
        double se = sd / Math.Sqrt(n);
        double t = StudentTDistribution.Quantile(1 - ((1 - confidenceLevel) / 2), n - 1);
        return (new SurveyInterval(mean, se, Math.Max(lowestScore, mean - (t * se)), Math.Min(highest, mean + (t * se)), mean), sd);
    }

    /// <summary>The two-sided p-value of a z statistic.</summary>
    public static double TwoSidedZ(double z) => double.IsNaN(z) ? 1 : Math.Min(1, 2 * NormalDistribution.UpperTail(Math.Abs(z)));

    /// <summary>NPS change: the z test on the adjusted scores (points).</summary>
    public static (double StandardError, double Statistic, double PValue) NpsChange(NpsMetric previous, NpsMetric current)
    {
        (double c0, double v0) = AdjustedNps(previous.PromoterCount, previous.DetractorCount, previous.ResponseCount);
        (double c1, double v1) = AdjustedNps(current.PromoterCount, current.DetractorCount, current.ResponseCount);
        double se = Math.Sqrt(v0 + v1);
        double z = (c1 - c0) / se;
        return (100 * se, z, TwoSidedZ(z));
    }

    /// <summary>CSAT change: the pooled two-proportion z test; the standard error reported is unpooled (percentage points).</summary>
    public static (double StandardError, double Statistic, double PValue) CsatChange(CsatMetric previous, CsatMetric current)
    {
        long n0 = previous.ResponseCount;
        long n1 = current.ResponseCount;
        double p0 = (double)previous.SatisfiedCount / n0;
        double p1 = (double)current.SatisfiedCount / n1;
        double unpooled = Math.Sqrt((p0 * (1 - p0) / n0) + (p1 * (1 - p1) / n1));
        double pooled = (double)(previous.SatisfiedCount + current.SatisfiedCount) / (n0 + n1);
        double sePooled = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n0) + (1.0 / n1)));
        double z = sePooled > 0 ? (p1 - p0) / sePooled : 0;
        return (100 * unpooled, z, sePooled > 0 ? TwoSidedZ(z) : 1);
    }

    /// <summary>CES change: Welch's t test.</summary>
    public static (double StandardError, double Statistic, double DegreesOfFreedom, double PValue) CesChange(CesMetric previous, CesMetric current)
    {
        double a = previous.StandardDeviation * previous.StandardDeviation / previous.ResponseCount;
        double b = current.StandardDeviation * current.StandardDeviation / current.ResponseCount;
        double se = Math.Sqrt(a + b);
        double diff = current.Estimate - previous.Estimate;
        if (!(se > 0))
        {
            return (0, diff == 0 ? 0 : Math.CopySign(double.PositiveInfinity, diff), previous.ResponseCount + current.ResponseCount - 2, diff == 0 ? 1 : 0);
        }

        double df = (a + b) * (a + b) / ((a * a / (previous.ResponseCount - 1)) + (b * b / (current.ResponseCount - 1)));
        double t = diff / se;
        return (se, t, df, StudentTDistribution.TwoSided(t, df));
    }
}
