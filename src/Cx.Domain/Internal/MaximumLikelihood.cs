using Cx.Domain.Value;

namespace Cx.Domain.Internal;

/// <summary>Evaluates a log-likelihood at the logarithms of positive parameters; fills the gradient with respect to those
/// logarithms when <paramref name="gradient"/> is not null. Returns NaN or −∞ where the likelihood is undefined.</summary>
internal delegate double LogLikelihoodFunction(double[] logParameters, double[]? gradient);

/// <summary>Maximum-likelihood estimation of positive parameters on the log scale: BFGS first (analytic or central-difference
/// gradient), Nelder–Mead and BFGS again when that stalls; then the observed information by finite differences and
/// standard errors by the delta method. Deterministic.</summary>
internal static class MaximumLikelihood
{
    /// <summary>A log-parameter beyond ±25 (a factor of 7e10) counts as running off to the boundary.</summary>
    private const double BoundaryLog = 25;

    /// <summary>Converged when every gradient component (log scale) is at most this times 1 + |LL|.</summary>
    private const double AcceptedGradient = 1e-6;

    public static (double[] Parameters, double LogLikelihood, double[] StandardErrors, FitDiagnostics Diagnostics) Fit(
        LogLikelihoodFunction logLikelihood, double[] start, bool analyticGradient, int maxIterations)
    {
        double[] startLog = start.Select(v => Math.Log(v)).ToArray();
        GradientObjective objective = analyticGradient
            ? (x, g) => Negate(logLikelihood(x, g), g)
            : (x, g) => NumericGradient(logLikelihood, x, g);
        OptimizationOutcome outcome = Bfgs.Minimize(objective, startLog, maxIterations);
        int iterations = outcome.Iterations;
        int evaluations = outcome.Evaluations * (analyticGradient ? 1 : 1 + (2 * start.Length));
        string message = "BFGS: " + outcome.Message;
        if (!outcome.Converged)
        {
            double[] from = double.IsFinite(outcome.Value) ? outcome.Minimizer : startLog;
            OptimizationOutcome simplex = NelderMead.Minimize(x => -logLikelihood(x, null), from, maxIterations: maxIterations * 10);
            OptimizationOutcome polish = Bfgs.Minimize(objective, simplex.Minimizer, maxIterations);
            iterations += simplex.Iterations + polish.Iterations;
            evaluations += simplex.Evaluations + (polish.Evaluations * (analyticGradient ? 1 : 1 + (2 * start.Length)));
            outcome = polish.Value <= simplex.Value ? polish : simplex;
            message += $"; Nelder-Mead: {simplex.Message}; BFGS again: {polish.Message}";
        }

        double[] best = outcome.Minimizer;
        double[] theta = best.Select(v => Math.Exp(v)).ToArray();
        double ll = logLikelihood(best, null);
        double[] gradient = new double[best.Length];
        _ = NumericGradient(logLikelihood, best, gradient);
        double gradientNorm = gradient.Max(v => Math.Abs(v));
        double[] errors = Enumerable.Repeat(double.NaN, best.Length).ToArray();
        FitStatus status;
        if (!double.IsFinite(ll))
        {
            status = FitStatus.NotConverged;
            message += "; the log-likelihood is undefined at the best point";
        }
        else if (best.Any(v => Math.Abs(v) > BoundaryLog))
        {
            status = FitStatus.ParameterAtBoundary;
            message += "; a parameter ran off towards " + (best.Any(v => v < -BoundaryLog) ? "0" : "infinity");
        }
        else if (gradientNorm > AcceptedGradient * (1 + Math.Abs(ll)))
        {
            status = FitStatus.NotConverged;
            message += "; the gradient has not vanished";
        }
        else if (InverseInformation(logLikelihood, best) is { } covariance)
        {
            status = FitStatus.Converged;
            for (int i = 0; i < best.Length; i++)
            {
                // Delta method: SE(θ) = θ · SE(ln θ).
                errors[i] = theta[i] * Math.Sqrt(covariance[(i * best.Length) + i]);
            }
        }
        else
        {
            status = FitStatus.HessianNotPositiveDefinite;
            message += "; the Hessian is not negative definite";
        }

        var diagnostics = new FitDiagnostics(status, iterations, evaluations, gradientNorm, message, start.ToArray());
        return (theta, ll, errors, diagnostics);
    }

    private static double Negate(double value, double[] gradient)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = -gradient[i];
        }

        return double.IsNaN(value) ? double.PositiveInfinity : -value;
    }

    /// <summary>The negative log-likelihood and its central-difference gradient (step 1e-6 on the log scale).</summary>
    private static double NumericGradient(LogLikelihoodFunction logLikelihood, double[] x, double[] gradient)
    {
        const double H = 1e-6;
        double f = logLikelihood(x, null);
        double[] probe = (double[])x.Clone();
        for (int i = 0; i < x.Length; i++)
        {
            probe[i] = x[i] + H;
            double up = logLikelihood(probe, null);
            probe[i] = x[i] - H;
            double down = logLikelihood(probe, null);
            probe[i] = x[i];
            gradient[i] = -(up - down) / (2 * H);
        }

        return double.IsNaN(f) ? double.PositiveInfinity : -f;
    }

    /// <summary>The inverse of the observed information (minus the Hessian of the log-likelihood, by second differences with
    /// step 1e-4 on the log scale), or null when it is not positive definite.</summary>
    private static double[]? InverseInformation(LogLikelihoodFunction logLikelihood, double[] x)
    {
        const double H = 1e-4;
        int n = x.Length;
        double f0 = logLikelihood(x, null);
        double[] probe = (double[])x.Clone();
        double At(int i, double di, int j, double dj)
        {
            Array.Copy(x, probe, n);
            probe[i] += di;
            probe[j] += dj;
            return logLikelihood(probe, null);
        }

        var information = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            information[(i * n) + i] = -(At(i, H, i, 0) - (2 * f0) + At(i, -H, i, 0)) / (H * H);
            for (int j = 0; j < i; j++)
            {
                double value = -(At(i, H, j, H) - At(i, H, j, -H) - At(i, -H, j, H) + At(i, -H, j, -H)) / (4 * H * H);
                information[(i * n) + j] = value;
                information[(j * n) + i] = value;
            }
        }

        return Cholesky.Inverse(information, n);
    }
}
