namespace Cx.Domain.Internal;

/// <summary>The Nelder–Mead downhill simplex (reflection 1, expansion 2, contraction ½, shrink ½; Nelder and Mead 1965, as
/// in Lagarias et al. 1998): derivative-free, robust far from the optimum, slow near it.</summary>
internal static class NelderMead
{
    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>.</summary>
    /// <param name="objective">The function; may return +∞ or NaN where undefined (treated as +∞).</param>
    /// <param name="start">The starting point.</param>
    /// <param name="step">The size of the initial simplex along each axis.</param>
    /// <param name="maxIterations">The iteration limit.</param>
    /// <param name="tolerance">Stops when the simplex's values differ by at most this (relative to 1 + |f|) and its
    /// vertices by at most this (absolute, per coordinate).</param>
    /// <param name="runOff">Stops (not converged, <see cref="OptimizationOutcome.RanOff"/>) once the best vertex has a
    /// coordinate more than this away from <paramref name="start"/>.</param>
    /// <param name="stop">Checked before every iteration; when it returns true the search stops where it is.</param>
    public static OptimizationOutcome Minimize(Func<double[], double> objective, double[] start, double step = 0.5, int maxIterations = 5_000, double tolerance = 1e-10,
        double runOff = double.PositiveInfinity, Func<bool>? stop = null)
    {
        int n = start.Length;
        int evaluations = 0;
        double F(double[] x)
        {
            evaluations++;
            double v = objective(x);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }

        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        simplex[0] = (double[])start.Clone();
        values[0] = F(simplex[0]);
        for (int i = 0; i < n; i++)
        {
            double[] vertex = (double[])start.Clone();
            vertex[i] += step;
            simplex[i + 1] = vertex;
            values[i + 1] = F(vertex);
        }

        var centroid = new double[n];
        int iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            Sort(simplex, values);
            if (Settled(simplex, values, tolerance))
            {
                return new OptimizationOutcome(simplex[0], values[0], iteration, evaluations, true, "simplex settled");
            }

            if (stop?.Invoke() == true)
            {
                return new OptimizationOutcome(simplex[0], values[0], iteration, evaluations, false, "stopped by the evaluation limit");
            }

            if (Distance(simplex[0], start) > runOff)
            {
                return new OptimizationOutcome(simplex[0], values[0], iteration, evaluations, false, "a parameter ran off towards the boundary", RanOff: true);
            }

            Array.Clear(centroid);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    centroid[j] += simplex[i][j] / n;
                }
            }

            double[] reflected = Along(centroid, simplex[n], -1);
            double fr = F(reflected);
            if (fr < values[0])
            {
                double[] expanded = Along(centroid, simplex[n], -2);
                double fe = F(expanded);
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1])
            {
                (simplex[n], values[n]) = (reflected, fr);
            }
            else
            {
                bool outside = fr < values[n];
                double[] contracted = outside ? Along(centroid, simplex[n], -0.5) : Along(centroid, simplex[n], 0.5);
                double fc = F(contracted);
                if (fc < (outside ? fr : values[n]))
                {
                    (simplex[n], values[n]) = (contracted, fc);
                }
                else
                {
                    for (int i = 1; i <= n; i++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            simplex[i][j] = simplex[0][j] + (0.5 * (simplex[i][j] - simplex[0][j]));
                        }

                        values[i] = F(simplex[i]);
                    }
                }
            }
        }

        Sort(simplex, values);
        return new OptimizationOutcome(simplex[0], values[0], iteration, evaluations, false, $"iteration limit {maxIterations} reached");
    }

    private static double[] Along(double[] centroid, double[] worst, double t)
    {
        var point = new double[centroid.Length];
        for (int j = 0; j < point.Length; j++)
        {
            point[j] = centroid[j] + (t * (worst[j] - centroid[j]));
        }

        return point;
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

    private static bool Settled(double[][] simplex, double[] values, double tolerance)
    {
        if (!double.IsFinite(values[^1]) || Math.Abs(values[^1] - values[0]) > tolerance * (1 + Math.Abs(values[0])))
        {
            return false;
        }

        for (int i = 1; i < simplex.Length; i++)
        {
            for (int j = 0; j < simplex[0].Length; j++)
            {
                if (Math.Abs(simplex[i][j] - simplex[0][j]) > Math.Sqrt(tolerance))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void Sort(double[][] simplex, double[] values)
    {
        // Insertion sort by value, ties kept in place: deterministic.
        for (int i = 1; i < values.Length; i++)
        {
            double v = values[i];
            double[] p = simplex[i];
            int k = i - 1;
            while (k >= 0 && values[k] > v)
            {
                values[k + 1] = values[k];
                simplex[k + 1] = simplex[k];
                k--;
            }

            values[k + 1] = v;
            simplex[k + 1] = p;
        }
    }
}
