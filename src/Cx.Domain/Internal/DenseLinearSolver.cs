namespace Cx.Domain.Internal;

/// <summary>Solves small dense linear systems by Gaussian elimination with partial pivoting (deterministic, no allocation beyond the copy).</summary>
internal static class DenseLinearSolver
{
    /// <summary>Solves <c>a x = b</c> for a square <paramref name="a"/> (n × n, row-major); both inputs are overwritten.</summary>
    /// <returns>x.</returns>
    /// <exception cref="InvalidOperationException">The matrix is singular.</exception>
    public static double[] Solve(double[] a, double[] b, int n)
    {
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            double best = Math.Abs(a[(col * n) + col]);
            for (int row = col + 1; row < n; row++)
            {
                double candidate = Math.Abs(a[(row * n) + col]);
                if (candidate > best)
                {
                    best = candidate;
                    pivot = row;
                }
            }

            if (best < 1e-300)
            {
                throw new InvalidOperationException("Expected a non-singular system, got a singular one.");
            }

            if (pivot != col)
            {
                for (int k = 0; k < n; k++)
                {
                    (a[(col * n) + k], a[(pivot * n) + k]) = (a[(pivot * n) + k], a[(col * n) + k]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            double diagonal = a[(col * n) + col];
            for (int row = col + 1; row < n; row++)
            {
                double factor = a[(row * n) + col] / diagonal;
                if (factor == 0)
                {
                    continue;
                }

                for (int k = col; k < n; k++)
                {
                    a[(row * n) + k] -= factor * a[(col * n) + k];
                }

                b[row] -= factor * b[col];
            }
        }

        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--)
        {
            double sum = b[row];
            for (int k = row + 1; k < n; k++)
            {
                sum -= a[(row * n) + k] * x[k];
            }

            x[row] = sum / a[(row * n) + row];
        }

        return x;
    }
}
