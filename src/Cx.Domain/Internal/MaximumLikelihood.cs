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
    /// <summary>A log-parameter more than 25 from its starting value (a factor of 7e10) counts as running off to the boundary.
    /// Relative to the start, whose scale parameters follow the data's scale (mean age, mean spend), so that spends in
    /// the trillions are not mistaken for a boundary.</summary>
    private const double BoundaryLog = 25;

    /// <summary>Converged when every gradient component (log scale) is at most this times 1 + |LL|.</summary>
    private const double AcceptedGradient = 1e-6;

    /// <summary>A log-parameter more than 30 from its start during the search stops it: every accepted step raised the likelihood on the way
    /// out, so the supremum lies at the boundary and further searching only burns evaluations.</summary>
    private const double RunOffLog = 30;

    /// <summary>The log-likelihood evaluations the final check may take for <paramref name="parameterCount"/> parameters:
    /// the value (1), the central-difference gradient (its centre and 2 per parameter) and the second-difference Hessian
    /// (its centre, 2 per parameter and 4 per pair). The search gets the rest of the evaluation limit, so a fit never uses
    /// more than the limit.</summary>
    public static int FinalCheckEvaluations(int parameterCount) =>
        1 + (1 + (2 * parameterCount)) + (1 + (2 * parameterCount) + (2 * parameterCount * (parameterCount - 1)));

    public static (double[] Parameters, double LogLikelihood, double[] StandardErrors, FitDiagnostics Diagnostics) Fit(
        LogLikelihoodFunction logLikelihood, double[] start, bool analyticGradient, int maxIterations, int maxEvaluations)
    {
        double[] startLog = start.Select(v => Math.Log(v)).ToArray();
        var budget = new EvaluationBudget(logLikelihood, Math.Max(1, maxEvaluations - FinalCheckEvaluations(start.Length)));
        LogLikelihoodFunction counted = budget.Evaluate;
        GradientObjective objective = analyticGradient
            ? (x, g) => Negate(counted(x, g), g)
            : (x, g) => NumericGradient(counted, x, g);
        Func<bool> exhausted = () => budget.Exhausted;
        OptimizationOutcome outcome = Bfgs.Minimize(objective, startLog, maxIterations, runOff: RunOffLog, stop: exhausted);
        int iterations = outcome.Iterations;
        string message = "BFGS: " + outcome.Message;
        if (!outcome.Converged && !outcome.RanOff && !budget.Exhausted)
        {
            double[] from = double.IsFinite(outcome.Value) ? outcome.Minimizer : startLog;
            OptimizationOutcome simplex = NelderMead.Minimize(x => -counted(x, null), from, maxIterations: (int)Math.Min(maxIterations * 10L, int.MaxValue), runOff: RunOffLog, stop: exhausted);
            iterations += simplex.Iterations;
            message += "; Nelder-Mead: " + simplex.Message;
            outcome = simplex.Value <= outcome.Value || !double.IsFinite(outcome.Value) ? simplex : outcome;
            if (!simplex.RanOff && !budget.Exhausted)
            {
                OptimizationOutcome polish = Bfgs.Minimize(objective, simplex.Minimizer, maxIterations, runOff: RunOffLog, stop: exhausted);
                iterations += polish.Iterations;
                message += "; BFGS again: " + polish.Message;
                outcome = polish.Value <= outcome.Value ? polish : outcome;
            }
        }

        if (budget.Exhausted)
        {
            // The search stopped where the limit fell; the best point it evaluated is the result, checked below like any other.
            outcome = outcome with { Minimizer = budget.Best ?? startLog, Value = -budget.BestValue, Converged = false };
            message += string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"; evaluation limit {maxEvaluations} reached ({budget.Used} log-likelihood evaluations in the search, the rest kept for the final check): the best point evaluated is reported");
        }

        budget.Unlimit();
        double[] best = outcome.Minimizer;
        double[] theta = best.Select(v => Math.Exp(v)).ToArray();
        double ll = counted(best, null);
        double[] gradient = new double[best.Length];
        _ = NumericGradient(counted, best, gradient);
        double gradientNorm = gradient.Max(v => Math.Abs(v));
        double[] errors = Enumerable.Repeat(double.NaN, best.Length).ToArray();
        FitStatus status;
        if (!double.IsFinite(ll))
        {
            status = FitStatus.NotConverged;
            message += "; the log-likelihood is undefined at the best point";
        }
        else if (best.Select((v, i) => Math.Abs(v - startLog[i])).Max() > BoundaryLog)
        {
            status = FitStatus.ParameterAtBoundary;
            message += "; a parameter ran off towards " + (best.Select((v, i) => v - startLog[i]).Any(v => v < -BoundaryLog) ? "0" : "infinity");
        }
        else if (gradientNorm > AcceptedGradient * (1 + Math.Abs(ll)))
        {
            status = FitStatus.NotConverged;
            message += "; the gradient has not vanished";
        }
        else if (InverseInformation(counted, best) is { } covariance)
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

        var diagnostics = new FitDiagnostics(status, iterations, budget.Used, gradientNorm, message, start.ToArray());
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

/// <summary>Counts log-likelihood evaluations (one with a gradient counts once) and remembers the best point evaluated; once
/// the limit is used it evaluates nothing more and answers NaN (undefined), and <see cref="Exhausted"/> stops the
/// optimisers at their next iteration.</summary>
internal sealed class EvaluationBudget
{
    private readonly LogLikelihoodFunction _logLikelihood;
    private int _limit;

    public EvaluationBudget(LogLikelihoodFunction logLikelihood, int limit)
    {
        _logLikelihood = logLikelihood;
        _limit = limit;
    }

    public int Used { get; private set; }

    public bool Exhausted => Used >= _limit;

    public double[]? Best { get; private set; }

    public double BestValue { get; private set; } = double.NegativeInfinity;

    /// <summary>Lifts the limit for the final check (whose size <see cref="MaximumLikelihood.FinalCheckEvaluations"/>
    /// bounds).</summary>
    public void Unlimit() => _limit = int.MaxValue;

    public double Evaluate(double[] logParameters, double[]? gradient)
    {
        if (Used >= _limit)
        {
            return double.NaN;
        }

        Used++;
        double value = _logLikelihood(logParameters, gradient);
        if (double.IsFinite(value) && value > BestValue)
        {
            BestValue = value;
            Best = (double[])logParameters.Clone();
        }

        return value;
    }
}
