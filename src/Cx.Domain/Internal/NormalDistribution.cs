namespace Cx.Domain.Internal;

/// <summary>The standard normal distribution's quantile function, for confidence intervals.</summary>
/// <remarks>Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988), accurate to about 1e-16: the algorithm behind
/// R's <c>qnorm</c>.</remarks>
internal static class NormalDistribution
{
    // Coefficients from the highest power down to the constant term.
    private static readonly double[] A = [2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457, 13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608];
    private static readonly double[] B = [5226.495278852854561, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867, 5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1.0];
    private static readonly double[] C = [7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258, 3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734];
    private static readonly double[] D = [1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459, 0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1.0];
    private static readonly double[] E = [2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386, 0.026532189526576123093, 0.29656057182850489123, 1.7848265399172913358, 5.4637849111641143699, 6.6579046435011037772];
    private static readonly double[] F = [2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4, 0.0148753612908506148525, 0.13692988092273580531, 0.59983220655588793769, 1.0];

    /// <summary>Returns the quantile: the z with P(Z &lt;= z) = <paramref name="p"/>, for p strictly between 0 and 1.</summary>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Expected a probability strictly between 0 and 1.");
        }

        double q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            double r = 0.180625 - (q * q);
            return q * Horner(A, r) / Horner(B, r);
        }

        double s = Math.Sqrt(-Math.Log(q < 0 ? p : 1 - p));
        double value = s <= 5 ? Horner(C, s - 1.6) / Horner(D, s - 1.6) : Horner(E, s - 5) / Horner(F, s - 5);
        return q < 0 ? -value : value;
    }

    /// <summary>Returns the two-sided critical value of a confidence level: 1.959964 for 0.95.</summary>
    public static double TwoSidedCritical(double confidenceLevel) => Quantile(0.5 + (confidenceLevel / 2));

    /// <summary>P(Z &lt;= x), through the incomplete gamma function (erfc(z) = Q(1/2, z²)), so that far tails keep their
    /// relative accuracy.</summary>
    public static double Cdf(double x) => x >= 0 ? 1 - UpperTail(x) : UpperTail(-x);

    /// <summary>P(Z &gt; x).</summary>
    public static double UpperTail(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        return x < 0 ? 1 - UpperTail(-x) : 0.5 * SpecialFunctions.GammaQ(0.5, x * x / 2);
    }

    private static double Horner(double[] coefficients, double x)
    {
        double sum = 0;
        foreach (double c in coefficients)
        {
            sum = (sum * x) + c;
        }

        return sum;
    }
}
