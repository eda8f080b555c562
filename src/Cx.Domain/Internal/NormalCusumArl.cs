using System.Collections.Concurrent;

namespace Cx.Domain.Internal;

/// <summary>The average run length of a one-sided CUSUM <c>C_i = max(0, C_(i-1) + z_i - k)</c> that signals when
/// <c>C_i &gt; h</c>, for normal increments <c>z ~ N(mu, 1)</c>, and the decision interval that gives a target in-control
/// run length.</summary>
/// <remarks>The run length from 0 solves the integral equation of Page (1954):
/// <c>L(x) = 1 + L(0) Φ(k - x - mu) + ∫_0^h L(y) φ(y + k - x - mu) dy</c>. It is solved by the Nyström method with a
/// 48-point Gauss-Legendre rule on [0, h] (the method of R's <c>spc::xcusum.arl</c>, S. Knoth; the tests compare both to
/// within 1e-4).</remarks>
internal static class NormalCusumArl
{
    private const int Nodes = 48;
    private static readonly ConcurrentDictionary<(double K, double Target), double> IntervalCache = new();

    public static double Arl(double k, double h, double mu)
    {
        (double[] y, double[] w) = Distributions.GaussLegendre(Nodes, 0, h);
        int n = Nodes + 1;
        double[] a = new double[n * n];
        double[] b = new double[n];

        // Unknown 0 is L(0); unknown j + 1 is L(y_j). Row 0 is the equation at x = 0, row i + 1 the one at x = y_i.
        for (int row = 0; row < n; row++)
        {
            double x = row == 0 ? 0 : y[row - 1];
            a[row * n] = (row == 0 ? 1 : 0) - Distributions.NormalCdf(k - x - mu);
            for (int j = 0; j < Nodes; j++)
            {
                a[(row * n) + j + 1] = (row == j + 1 ? 1 : 0) - (w[j] * Distributions.NormalPdf(y[j] + k - x - mu));
            }

            b[row] = 1;
        }

        return DenseLinearSolver.Solve(a, b, n)[0];
    }

    /// <summary>The decision interval h whose in-control (mu = 0) run length is the target, by bisection to 1e-9.</summary>
    public static double DecisionInterval(double k, double targetArl)
    {
        double h = IntervalCache.GetOrAdd((k, targetArl), key =>
        {
            double low = 0.01;
            double high = 1;
            while (Arl(key.K, high, 0) < key.Target)
            {
                low = high;
                high *= 2;
            }

            while (high - low > 1e-9 * high)
            {
                double middle = (low + high) / 2;
                if (Arl(key.K, middle, 0) < key.Target)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            return high;
        });
        if (IntervalCache.Count > 1_000)
        {
            IntervalCache.Clear();
        }

        return h;
    }
}
