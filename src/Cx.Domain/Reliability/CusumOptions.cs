namespace Cx.Domain.Reliability;

/// <summary>Settings of the two one-sided tabular CUSUM charts, in standard deviations of one value.</summary>
/// <remarks>The defaults k = 0.5 and h = 5 detect a one-sigma shift quickly; their two-sided in-control average run length
/// is about 465 values (Montgomery, <i>Introduction to Statistical Quality Control</i>, section 9.1, table of ARL
/// performance of the tabular CUSUM with k = 1/2). Validated by <see cref="Validation.CusumOptionsValidator"/> (CX0514).</remarks>
public sealed class CusumOptions
{
    /// <summary>The default reference value k.</summary>
    public const double DefaultReferenceValue = 0.5;

    /// <summary>The default decision interval h.</summary>
    public const double DefaultDecisionInterval = 5;

    /// <summary>Gets or sets the reference value (allowance) k, at least 0: half the shift to detect, in sigmas.</summary>
    public double ReferenceValue { get; set; } = DefaultReferenceValue;

    /// <summary>Gets or sets the decision interval h, positive: a cumulative sum above it signals.</summary>
    public double DecisionInterval { get; set; } = DefaultDecisionInterval;
}
