namespace Cx.Domain.Internal;

/// <summary>A quasi-Poisson log-linear regression of counts on an intercept and, optionally, time: the model of the
/// Farrington baseline, fitted as R's <c>glm(family = quasipoisson(link = "log"))</c> does (iteratively reweighted least
/// squares from μ = y + 0.1), with prior weights.</summary>
/// <remarks>Without time the maximum-likelihood fit has a closed form (the weighted mean); with time it iterates until the
/// relative change of the deviance is below 1e-12 (R stops at 1e-8), at most 100 times.</remarks>
internal static class QuasiPoissonRegression
{
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-12;

    /// <summary>Fits the model. <paramref name="time"/> empty means intercept only.</summary>
    /// <param name="y">The counts.</param>
    /// <param name="time">The time of each count, or empty.</param>
    /// <param name="weights">The prior weights, or empty for ones.</param>
    /// <param name="fitted">Receives the fitted means.</param>
    public static Fit Estimate(ReadOnlySpan<double> y, ReadOnlySpan<double> time, ReadOnlySpan<double> weights, Span<double> fitted)
    {
        int n = y.Length;
        bool trend = !time.IsEmpty;
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            sw += w;
            swy += w * y[i];
        }

        if (swy <= 0)
        {
            // No counts at all: the fitted mean is zero everywhere (the limit of the likelihood), nothing to estimate.
            fitted.Clear();
            return new Fit(double.NegativeInfinity, 0, trend, converged: false, 0, 0, 0, 0, n - (trend ? 2 : 1));
        }

        if (!trend)
        {
            double mean = swy / sw;
            fitted[..n].Fill(mean);
            return Finish(y, time, weights, fitted, Math.Log(mean), 0, converged: true);
        }

        double b0 = 0;
        double b1 = 0;
        for (int i = 0; i < n; i++)
        {
            fitted[i] = y[i] + 0.1;
        }

        double deviance = Deviance(y, weights, fitted);
        bool converged = false;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Weighted least squares of the working response z = η + (y - μ)/μ on (1, t) with weights w μ.
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double r0 = 0;
            double r1 = 0;
            for (int i = 0; i < n; i++)
            {
                double mu = fitted[i];
                double w = (weights.IsEmpty ? 1 : weights[i]) * mu;
                double z = Math.Log(mu) + ((y[i] - mu) / mu);
                double t = time[i];
                s0 += w;
                s1 += w * t;
                s2 += w * t * t;
                r0 += w * z;
                r1 += w * z * t;
            }

            double det = (s0 * s2) - (s1 * s1);
            if (!(det > 0) || !double.IsFinite(det))
            {
                break;
            }

            b0 = ((s2 * r0) - (s1 * r1)) / det;
            b1 = ((s0 * r1) - (s1 * r0)) / det;
            for (int i = 0; i < n; i++)
            {
                fitted[i] = Math.Exp(b0 + (b1 * time[i]));
            }

            double next = Deviance(y, weights, fitted);
            if (!double.IsFinite(next))
            {
                break;
            }

            if (Math.Abs(next - deviance) / (Math.Abs(next) + 0.1) < Tolerance)
            {
                converged = true;
                break;
            }

            deviance = next;
        }

        return Finish(y, time, weights, fitted, b0, b1, converged);
    }

    /// <summary>Fills the leverage (hat value) of each observation of a fit.</summary>
    public static void HatValues(in Fit fit, ReadOnlySpan<double> time, ReadOnlySpan<double> weights, ReadOnlySpan<double> fitted, Span<double> hat)
    {
        for (int i = 0; i < fitted.Length; i++)
        {
            double w = (weights.IsEmpty ? 1 : weights[i]) * fitted[i];
            double t = fit.HasTrend ? time[i] : 0;
            hat[i] = w * fit.QuadraticForm(t);
        }
    }

    private static Fit Finish(ReadOnlySpan<double> y, ReadOnlySpan<double> time, ReadOnlySpan<double> weights, ReadOnlySpan<double> fitted, double b0, double b1, bool converged)
    {
        bool trend = !time.IsEmpty;
        int n = y.Length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double pearson = 0;
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            double mu = fitted[i];
            double r = y[i] - mu;
            pearson += w * r * r / mu;
            double ww = w * mu;
            double t = trend ? time[i] : 0;
            s0 += ww;
            s1 += ww * t;
            s2 += ww * t * t;
        }

        int residualDf = n - (trend ? 2 : 1);
        double dispersion = residualDf > 0 ? pearson / residualDf : double.NaN;

        // The unscaled covariance (X'WX)^-1.
        double c00;
        double c01;
        double c11;
        if (trend)
        {
            double det = (s0 * s2) - (s1 * s1);
            c00 = s2 / det;
            c01 = -s1 / det;
            c11 = s0 / det;
        }
        else
        {
            c00 = 1 / s0;
            c01 = 0;
            c11 = 0;
        }

        return new Fit(b0, b1, trend, converged, dispersion, c00, c01, c11, residualDf);
    }

    private static double Deviance(ReadOnlySpan<double> y, ReadOnlySpan<double> weights, ReadOnlySpan<double> mu)
    {
        double d = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            double term = y[i] > 0 ? (y[i] * Math.Log(y[i] / mu[i])) - (y[i] - mu[i]) : mu[i];
            d += 2 * w * term;
        }

        return d;
    }

    /// <summary>A fitted model: coefficients, the Pearson dispersion estimate and the unscaled covariance.</summary>
    internal readonly struct Fit(double intercept, double slope, bool hasTrend, bool converged, double dispersion, double c00, double c01, double c11, int residualDf)
    {
        public double Intercept { get; } = intercept;

        public double Slope { get; } = slope;

        public bool HasTrend { get; } = hasTrend;

        public bool Converged { get; } = converged;

        /// <summary>The Pearson estimate of the dispersion, Σ w (y - μ)² / μ / (n - p), not bounded below (R's summary.glm).</summary>
        public double Dispersion { get; } = dispersion;

        public int ResidualDf { get; } = residualDf;

        public bool IsEmpty => double.IsNegativeInfinity(Intercept);

        /// <summary>The linear predictor at time t.</summary>
        public double Eta(double t) => Intercept + (HasTrend ? Slope * t : 0);

        /// <summary>x' (X'WX)^-1 x for x = (1, t).</summary>
        public double QuadraticForm(double t) => c00 + (HasTrend ? (2 * c01 * t) + (c11 * t * t) : 0);

        /// <summary>The standard error of the slope, scaled by the (unbounded) dispersion estimate.</summary>
        public double SlopeStandardError => Math.Sqrt(Dispersion * c11);
    }
}
