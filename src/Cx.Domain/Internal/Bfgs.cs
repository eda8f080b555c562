namespace Cx.Domain.Internal;

/// <summary>Computes an objective and its gradient at a point; returns the objective (NaN or +∞ where undefined).</summary>
internal delegate double GradientObjective(double[] x, double[] gradient);

/// <summary>Quasi-Newton minimisation with the BFGS update of the inverse Hessian and a backtracking line search with
/// the Armijo condition (Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed., algorithm 6.1 and section 3.1).</summary>
internal static class Bfgs
{
    /// <summary>Minimises from <paramref name="start"/>.</summary>
    /// <param name="objective">The objective with its gradient.</param>
    /// <param name="start">The starting point.</param>
    /// <param name="maxIterations">The iteration limit.</param>
    /// <param name="gradientTolerance">Converged when every gradient component is at most this times (1 + |f|).</param>
    /// <param name="runOff">Stops (not converged, <see cref="OptimizationOutcome.RanOff"/>) once an accepted point has a
    /// coordinate more than this away from <paramref name="start"/>: every step lowered the objective on the way, so the
    /// infimum lies towards the boundary.</param>
    /// <param name="stop">Checked before every iteration; when it returns true the search stops where it is (an evaluation
    /// limit).</param>
    public static OptimizationOutcome Minimize(GradientObjective objective, double[] start, int maxIterations = 500, double gradientTolerance = 1e-9,
        double runOff = double.PositiveInfinity, Func<bool>? stop = null)
    {
        int n = start.Length;
        int evaluations = 0;
        double[] x = (double[])start.Clone();
        double[] g = new double[n];
        double f = objective(x, g);
        evaluations++;
        if (!double.IsFinite(f) || !AllFinite(g))
        {
            return new OptimizationOutcome(x, double.PositiveInfinity, 0, evaluations, false, "objective undefined at the start");
        }

        double[,] h = Identity(n);
        double[] direction = new double[n];
        double[] trial = new double[n];
        double[] trialGradient = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        int iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            if (stop?.Invoke() == true)
            {
                return new OptimizationOutcome(x, f, iteration, evaluations, false, "stopped by the evaluation limit");
            }

            if (MaxAbs(g) <= gradientTolerance * (1 + Math.Abs(f)))
            {
                return new OptimizationOutcome(x, f, iteration, evaluations, true, "gradient below tolerance");
            }

            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++)
                {
                    sum -= h[i, j] * g[j];
                }

                direction[i] = sum;
            }

            double slope = Dot(direction, g);
            if (!(slope < 0))
            {
                // Not a descent direction (the update lost definiteness): restart from steepest descent.
                h = Identity(n);
                for (int i = 0; i < n; i++)
                {
                    direction[i] = -g[i];
                }

                slope = Dot(direction, g);
            }

            double step = 1;
            double maxComponent = MaxAbs(direction);
            if (maxComponent * step > 2)
            {
                // Parameters live on a log scale: never jump by more than a factor e² in one step.
                step = 2 / maxComponent;
            }

            double ft = double.NaN;
            bool accepted = false;
            for (int tries = 0; tries < 60; tries++)
            {
                for (int i = 0; i < n; i++)
                {
                    trial[i] = x[i] + (step * direction[i]);
                }

                ft = objective(trial, trialGradient);
                evaluations++;
                if (double.IsFinite(ft) && AllFinite(trialGradient) && ft <= f + (1e-4 * step * slope))
                {
                    accepted = true;
                    break;
                }

                step *= 0.5;
            }

            if (!accepted)
            {
                if (stop?.Invoke() == true)
                {
                    return new OptimizationOutcome(x, f, iteration, evaluations, false, "stopped by the evaluation limit");
                }

                bool small = MaxAbs(g) <= Math.Sqrt(gradientTolerance) * (1 + Math.Abs(f));
                return new OptimizationOutcome(x, f, iteration, evaluations, false,
                    small ? "line search made no progress near the optimum" : "line search failed");
            }

            for (int i = 0; i < n; i++)
            {
                s[i] = trial[i] - x[i];
                y[i] = trialGradient[i] - g[i];
            }

            double sy = Dot(s, y);
            double previous = f;
            Array.Copy(trial, x, n);
            Array.Copy(trialGradient, g, n);
            f = ft;
            if (Distance(x, start) > runOff)
            {
                return new OptimizationOutcome(x, f, iteration + 1, evaluations, false, "a parameter ran off towards the boundary", RanOff: true);
            }

            if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y)))
            {
                Update(h, s, y, sy);
            }

            if (Math.Abs(previous - f) <= 1e-15 * (1 + Math.Abs(f)) && MaxAbs(g) <= Math.Sqrt(gradientTolerance) * (1 + Math.Abs(f)))
            {
                return new OptimizationOutcome(x, f, iteration + 1, evaluations, true, "no further decrease, gradient small");
            }
        }

        return new OptimizationOutcome(x, f, iteration, evaluations, MaxAbs(g) <= gradientTolerance * (1 + Math.Abs(f)), $"iteration limit {maxIterations} reached");
    }

    private static void Update(double[,] h, double[] s, double[] y, double sy)
    {
        int n = s.Length;
        double rho = 1 / sy;
        var hy = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                hy[i] += h[i, j] * y[j];
            }
        }

        double yhy = Dot(y, hy);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                // H+ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, expanded.
                h[i, j] += (-rho * ((hy[i] * s[j]) + (s[i] * hy[j]))) + (((rho * rho * yhy) + rho) * s[i] * s[j]);
            }
        }
    }

    private static double Distance(double[] a, double[] b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            m[i, i] = 1;
        }

        return m;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double MaxAbs(double[] v)
    {
        double max = 0;
        foreach (double d in v)
        {
            max = Math.Max(max, Math.Abs(d));
        }

        return max;
    }

    private static bool AllFinite(double[] v)
    {
        foreach (double d in v)
        {
            if (!double.IsFinite(d))
            {
                return false;
            }
        }

        return true;
    }
}
