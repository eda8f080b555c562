using System.Globalization;

namespace Cx.Domain.EarlyWarning;

/// <summary>A point estimate with its confidence interval: a risk difference, a risk ratio or a share, never a number
/// without its uncertainty.</summary>
/// <remarks>
/// <para><see cref="Lower"/> &lt;= <see cref="Estimate"/> &lt;= <see cref="Upper"/>, all finite; <see cref="ConfidenceLevel"/>
/// is strictly between 0 and 1. How the interval is computed depends on the statistic (each result's documentation says
/// which method; <c>docs/concepts/revenue-at-risk.md</c> lists them with their references).</para>
/// <para>Equality compares all four numbers exactly. <c>default(IntervalEstimate)</c> is the degenerate interval [0, 0] at
/// level 0, which no calculation returns.</para>
/// </remarks>
public readonly struct IntervalEstimate : IEquatable<IntervalEstimate>
{
    internal IntervalEstimate(double estimate, double lower, double upper, double confidenceLevel)
    {
        Estimate = estimate;
        Lower = Math.Min(lower, estimate);
        Upper = Math.Max(upper, estimate);
        ConfidenceLevel = confidenceLevel;
    }

    /// <summary>Gets the point estimate.</summary>
    public double Estimate { get; }

    /// <summary>Gets the lower confidence limit.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper confidence limit.</summary>
    public double Upper { get; }

    /// <summary>Gets the confidence level, such as 0.95.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Tells whether the interval lies wholly on one side of a value (for a difference, 0; for a ratio, 1).</summary>
    /// <param name="value">The value of no effect.</param>
    /// <returns><see langword="true"/> when both limits are above it or both below it.</returns>
    public bool Excludes(double value) => Lower > value || Upper < value;

    /// <summary>Returns the estimate and interval multiplied by a positive factor (a share times a value, for example).</summary>
    /// <param name="factor">The factor, zero or more.</param>
    /// <returns>The scaled estimate.</returns>
    internal IntervalEstimate Scale(double factor) => new(Estimate * factor, Lower * factor, Upper * factor, ConfidenceLevel);

    /// <inheritdoc/>
    public bool Equals(IntervalEstimate other) =>
        Estimate.Equals(other.Estimate) && Lower.Equals(other.Lower) && Upper.Equals(other.Upper) && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IntervalEstimate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Estimate, Lower, Upper, ConfidenceLevel);

    /// <summary>Tests two estimates for equality.</summary>
    /// <param name="left">The first estimate.</param>
    /// <param name="right">The second estimate.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(IntervalEstimate left, IntervalEstimate right) => left.Equals(right);

    /// <summary>Tests two estimates for inequality.</summary>
    /// <param name="left">The first estimate.</param>
    /// <param name="right">The second estimate.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(IntervalEstimate left, IntervalEstimate right) => !left.Equals(right);

    /// <summary>Returns the invariant form with four significant digits, such as <c>0.1234 (95% CI 0.05 to 0.2)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Estimate:G4} ({ConfidenceLevel * 100:G4}% CI {Lower:G4} to {Upper:G4})");
}
