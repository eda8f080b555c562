namespace Cx.Domain.Listening;

/// <summary>The two spike detectors on a series of counts, as R's <c>surveillance</c> package implements them with no
/// seasonality (frequency 1, <c>w = 0</c>): <c>farringtonFlexible</c> and <c>earsC(method = "C2")</c>.</summary>
internal static class SpikeDetectors
{
    /// <summary>Judges period <paramref name="k"/> of a series with whichever detector its history allows.</summary>
    public static Outcome Judge(ReadOnlySpan<long> series, int k, SpikeDetectionOptions options)
    {
        if (k >= options.BaselinePeriods)
        {
            return Farrington(series, k, options);
        }

        if (options.UseEarsForShortHistories && k >= options.EarsBaselinePeriods + options.EarsLag)
        {
            return EarsC2(series, k, options);
        }

        return default;
    }

    /// <summary>The Farrington detector with the baseline of the b periods before k, as <c>farringtonFlexible</c>.</summary>
    public static Outcome Farrington(ReadOnlySpan<long> series, int k, SpikeDetectionOptions options)
    {
        int b = options.BaselinePeriods;
        Span<double> y = b <= 256 ? stackalloc double[b] : new double[b];
        Span<double> time = b <= 256 ? stackalloc double[b] : new double[b];
        Span<double> weights = b <= 256 ? stackalloc double[b] : new double[b];
        Span<double> fitted = b <= 256 ? stackalloc double[b] : new double[b];
        double max = 0;
        for (int j = 0; j < b; j++)
        {
            y[j] = series[k - b + j];
            time[j] = j - b;
            max = Math.Max(max, y[j]);
        }

        // Fit with a trend; keep it only when significant and not extrapolating above the baseline's largest count.
        bool trend = false;
        (Internal.QuasiPoissonRegression.Fit fit, double phi) = FitBaseline(y, options.FitTrend ? time : default, weights, fitted, options);
        if (fit.HasTrend)
        {
            double t = fit.Slope / fit.SlopeStandardError;
            double p = Internal.StudentTDistribution.TwoSided(t, fit.ResidualDf);
            double mu0 = Math.Exp(fit.Eta(0));
            trend = fit.Converged && double.IsFinite(t) && p < options.TrendSignificance && mu0 <= max;
            if (!trend)
            {
                (fit, phi) = FitBaseline(y, default, weights, fitted, options);
            }
        }

        long observed = series[k];
        bool enough = EnoughCases(series, k, options);
        if (fit.IsEmpty)
        {
            // No count in the whole baseline: expect zero; any count is above the threshold of zero.
            return new Outcome(SpikeDetector.Farrington, observed, 0, 0, observed > 0 ? 0 : 1, 1, trend: false, enough, observed > 0 && enough);
        }

        double eta0 = fit.Eta(0);
        double expected = Math.Exp(eta0);
        double threshold;
        double probability;
        if (options.Threshold == FarringtonThreshold.TwoThirdsPower)
        {
            // R predicts with the dispersion estimate of summary.glm (not bounded below by 1) for the standard error.
            double seEta = Math.Sqrt(fit.Dispersion * fit.QuadraticForm(0));
            double tau = phi + (expected * seEta * seEta);
            double se = Math.Sqrt(4.0 / 9.0 * Math.Cbrt(expected) * tau);
            double center = Math.Pow(expected, 2.0 / 3.0);
            double z = Internal.NormalDistribution.Quantile(1 - options.Alpha);
            threshold = Math.Pow(center + (z * se), 1.5);
            probability = Internal.NormalDistribution.UpperTail((Math.Pow(observed, 2.0 / 3.0) - center) / se);
        }
        else
        {
            var distribution = new Internal.CountDistribution(expected, phi);
            threshold = distribution.Quantile(1 - options.Alpha);
            probability = distribution.UpperTail(observed);
        }

        bool above = observed > threshold && observed != 0;
        return new Outcome(SpikeDetector.Farrington, observed, expected, threshold, probability, phi, trend, enough, above && enough);
    }

    /// <summary>EARS C2: mean plus z(1 - α) standard deviations of the periods k - lag - n .. k - lag - 1.</summary>
    public static Outcome EarsC2(ReadOnlySpan<long> series, int k, SpikeDetectionOptions options)
    {
        int n = options.EarsBaselinePeriods;
        int first = k - options.EarsLag - n;
        double mean = 0;
        for (int j = 0; j < n; j++)
        {
            mean += series[first + j];
        }

        mean /= n;
        double squares = 0;
        for (int j = 0; j < n; j++)
        {
            double d = series[first + j] - mean;
            squares += d * d;
        }

        double sigma = Math.Max(Math.Sqrt(squares / (n - 1)), options.EarsMinimumSigma);
        double threshold = mean + (Internal.NormalDistribution.Quantile(1 - options.EarsAlpha) * sigma);
        long observed = series[k];
        double probability = sigma > 0 ? Internal.NormalDistribution.UpperTail((observed - mean) / sigma) : observed > mean ? 0 : 1;
        bool enough = EnoughCases(series, k, options);
        return new Outcome(SpikeDetector.EarsC2, observed, mean, threshold, probability, 1, trend: false, enough, observed > threshold && enough);
    }

    private static bool EnoughCases(ReadOnlySpan<long> series, int k, SpikeDetectionOptions options)
    {
        long recent = 0;
        for (int j = Math.Max(0, k - options.MinimumCountPeriods + 1); j <= k; j++)
        {
            recent += series[j];
        }

        return recent >= options.MinimumCount;
    }

    /// <summary>Fits the quasi-Poisson baseline, then (when reweighting) down-weights periods whose Anscombe residual exceeds
    /// the threshold and fits again; returns the fit and φ = max(1, dispersion).</summary>
    private static (Internal.QuasiPoissonRegression.Fit Fit, double Phi) FitBaseline(
        ReadOnlySpan<double> y, ReadOnlySpan<double> time, Span<double> weights, Span<double> fitted, SpikeDetectionOptions options)
    {
        Internal.QuasiPoissonRegression.Fit fit = Internal.QuasiPoissonRegression.Estimate(y, time, default, fitted);
        if (!fit.Converged && !time.IsEmpty)
        {
            // As R: no convergence with the trend, try without.
            time = default;
            fit = Internal.QuasiPoissonRegression.Estimate(y, time, default, fitted);
        }

        if (fit.IsEmpty)
        {
            return (fit, 1);
        }

        double phi = Math.Max(fit.Dispersion, 1);
        if (!options.Reweight)
        {
            return (fit, phi);
        }

        int n = y.Length;
        Span<double> hat = n <= 256 ? stackalloc double[n] : new double[n];
        Internal.QuasiPoissonRegression.HatValues(fit, time, default, fitted, hat);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double mu = fitted[i];
            double anscombe = 1.5 * ((Math.Pow(y[i], 2.0 / 3.0) * Math.Pow(mu, -1.0 / 6.0)) - Math.Sqrt(mu)) / Math.Sqrt(phi * (1 - hat[i]));
            weights[i] = anscombe > options.ReweightingThreshold ? 1 / (anscombe * anscombe) : 1;
            sum += weights[i];
        }

        double gamma = n / sum;
        for (int i = 0; i < n; i++)
        {
            weights[i] *= gamma;
        }

        Internal.QuasiPoissonRegression.Fit weighted = Internal.QuasiPoissonRegression.Estimate(y, time, weights, fitted);
        if (!weighted.Converged && !time.IsEmpty)
        {
            return FitBaseline(y, default, weights, fitted, options);
        }

        return (weighted, Math.Max(weighted.Dispersion, 1));
    }

    /// <summary>The verdict of a detector on one period.</summary>
    internal readonly struct Outcome(SpikeDetector detector, long observed, double expected, double threshold, double probability, double dispersion, bool trend, bool enoughCases, bool alarm)
    {
        public SpikeDetector Detector { get; } = detector;

        public long Observed { get; } = observed;

        public double Expected { get; } = expected;

        public double Threshold { get; } = threshold;

        /// <summary>P(count &gt;= observed) under the baseline.</summary>
        public double Probability { get; } = probability;

        public double Dispersion { get; } = dispersion;

        public bool Trend { get; } = trend;

        public bool EnoughCases { get; } = enoughCases;

        public bool Alarm { get; } = alarm;
    }
}
