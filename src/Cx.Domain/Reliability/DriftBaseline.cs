using System.Globalization;
using Cx.Domain.Internal;

namespace Cx.Domain.Reliability;

/// <summary>The in-control mean and standard deviation a drift detector measures departures from.</summary>
/// <remarks>
/// <para>Give it (<see cref="FromMeanAndSigma"/>) or estimate it from reference values (<see cref="FromMovingRange"/>):
/// for individual values the spread is the average moving range divided by d2 = 1.128 (the Shewhart individuals chart;
/// Montgomery, <i>Introduction to Statistical Quality Control</i>, section 6.4), which is robust to slow drift inside the
/// reference interval.</para>
/// <para><c>default(DriftBaseline)</c> has sigma 0 and is not a usable baseline; detectors reject it.</para>
/// <para>Equality compares mean and sigma exactly.</para>
/// </remarks>
public readonly struct DriftBaseline : IEquatable<DriftBaseline>
{
    /// <summary>The bias-correction constant d2 for moving ranges of two consecutive values.</summary>
    public const double D2 = 1.128;

    private DriftBaseline(double mean, double sigma)
    {
        Mean = mean;
        Sigma = sigma;
    }

    /// <summary>Gets the in-control mean.</summary>
    public double Mean { get; }

    /// <summary>Gets the in-control standard deviation of one value, positive for a usable baseline.</summary>
    public double Sigma { get; }

    /// <summary>Creates a baseline from a known mean and standard deviation.</summary>
    /// <param name="mean">The in-control mean, finite.</param>
    /// <param name="sigma">The in-control standard deviation, finite and positive.</param>
    /// <returns>The baseline.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite, or <paramref name="sigma"/> is not positive.</exception>
    public static DriftBaseline FromMeanAndSigma(double mean, double sigma)
    {
        Guard.Finite(mean);
        Guard.Finite(sigma);
        if (sigma <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a positive standard deviation, got {sigma.ToString(CultureInfo.InvariantCulture)}. A baseline with no spread cannot tell drift from noise."));
        }

        return new DriftBaseline(mean, sigma);
    }

    /// <summary>Estimates a baseline from reference values in time order: their mean, and sigma = average moving range / 1.128.</summary>
    /// <param name="values">At least two finite values, in time order.</param>
    /// <returns>The baseline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two values, a NaN or infinite value, or all moving ranges are zero.</exception>
    public static DriftBaseline FromMovingRange(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!TryFromMovingRange(values as IReadOnlyList<double> ?? values.ToArray(), out DriftBaseline baseline, out string? problem))
        {
            throw new ArgumentException(problem, nameof(values));
        }

        return baseline;
    }

    internal static bool TryFromMovingRange(IReadOnlyList<double> values, out DriftBaseline baseline, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        baseline = default;
        if (values.Count < 2)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"Expected at least two reference values to estimate a baseline, got {values.Count}. Widen the reference interval or give the mean and sigma.");
            return false;
        }

        double sum = 0;
        double rangeSum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"Expected finite reference values, got {v} at position {i}.");
                return false;
            }

            sum += v;
            if (i > 0)
            {
                rangeSum += Math.Abs(v - values[i - 1]);
            }
        }

        double mean = sum / values.Count;
        double sigma = rangeSum / (values.Count - 1) / D2;
        if (!double.IsFinite(mean) || !double.IsFinite(rangeSum))
        {
            // Sums of values near double.MaxValue overflow on the way to a mean and spread that may well fit: redo them
            // on values scaled down by a power of two (exact), then scale the results back.
            (mean, sigma) = Scaled(values);
        }

        if (!double.IsFinite(mean) || !double.IsFinite(sigma))
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"Expected reference values whose spread fits a double, got values from {Min(values):R} to {Max(values):R}. Give the mean and sigma instead.");
            return false;
        }

        if (!(sigma > 0))
        {
            problem = "Expected reference values that vary, got values whose moving ranges are all zero. A baseline with no spread cannot tell drift from noise; give the mean and sigma instead.";
            return false;
        }

        baseline = new DriftBaseline(mean, sigma);
        problem = null;
        return true;
    }

    private static (double Mean, double Sigma) Scaled(IReadOnlyList<double> values)
    {
        const double Scale = 1.0 / 1024; // 2^-10: values up to double.MaxValue, summed in their thousands, stay finite.
        double sum = 0;
        double rangeSum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            sum += values[i] * Scale / values.Count;
            if (i > 0)
            {
                rangeSum += Math.Abs((values[i] * Scale) - (values[i - 1] * Scale)) / (values.Count - 1);
            }
        }

        return (sum / Scale, rangeSum / D2 / Scale);
    }

    private static double Min(IReadOnlyList<double> values) => values.Min();

    private static double Max(IReadOnlyList<double> values) => values.Max();

    /// <inheritdoc/>
    public bool Equals(DriftBaseline other) => Mean.Equals(other.Mean) && Sigma.Equals(other.Sigma);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DriftBaseline other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Mean, Sigma);

    /// <summary>Tests two baselines for equality.</summary>
    /// <param name="left">The first baseline.</param>
    /// <param name="right">The second baseline.</param>
    /// <returns><see langword="true"/> when mean and sigma are equal.</returns>
    public static bool operator ==(DriftBaseline left, DriftBaseline right) => left.Equals(right);

    /// <summary>Tests two baselines for inequality.</summary>
    /// <param name="left">The first baseline.</param>
    /// <param name="right">The second baseline.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(DriftBaseline left, DriftBaseline right) => !left.Equals(right);

    /// <summary>Returns <c>mean 24 sigma 6</c>, with up to six significant digits.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"mean {Mean:G6} sigma {Sigma:G6}");
}
