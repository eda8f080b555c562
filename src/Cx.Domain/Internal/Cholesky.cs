namespace Cx.Domain.Internal;

/// <summary>Inverts small symmetric positive-definite matrices by Cholesky factorisation.</summary>
internal static class Cholesky
{
    /// <summary>Inverts a symmetric matrix (n × n, row-major).</summary>
    /// <returns>The inverse, row-major; null when the matrix is not positive definite or not finite.</returns>
    public static double[]? Inverse(double[] matrix, int n)
    {
        var l = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = matrix[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[(i * n) + k] * l[(j * n) + k];
                }

                if (i == j)
                {
                    if (!(sum > 0) || !double.IsFinite(sum))
                    {
                        return null;
                    }

                    l[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * n) + j] = sum / l[(j * n) + j];
                }
            }
        }

        // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
        var inv = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            inv[(i * n) + i] = 1 / l[(i * n) + i];
            for (int j = 0; j < i; j++)
            {
                double sum = 0;
                for (int k = j; k < i; k++)
                {
                    sum -= l[(i * n) + k] * inv[(k * n) + j];
                }

                inv[(i * n) + j] = sum / l[(i * n) + i];
            }
        }

        var result = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = Math.Max(i, j); k < n; k++)
                {
                    sum += inv[(k * n) + i] * inv[(k * n) + j];
                }

                result[(i * n) + j] = sum;
            }
        }

        return result;
    }
}
