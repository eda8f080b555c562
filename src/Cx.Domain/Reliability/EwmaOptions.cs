namespace Cx.Domain.Reliability;

/// <summary>Settings of the EWMA drift chart.</summary>
/// <remarks>The defaults, lambda 0.2 and L 3 with time-varying limits, are the common textbook choice (Montgomery,
/// <i>Introduction to Statistical Quality Control</i>, section 9.2); with asymptotic limits their in-control average run
/// length is about 558 values (Lucas and Saccucci, Technometrics 32(1), 1990). Validated by
/// <see cref="Validation.EwmaOptionsValidator"/> (CX0514).</remarks>
public sealed class EwmaOptions
{
    /// <summary>The default smoothing weight.</summary>
    public const double DefaultLambda = 0.2;

    /// <summary>The default width of the control limits, in standard deviations of the statistic.</summary>
    public const double DefaultLimitWidth = 3;

    /// <summary>Gets or sets the weight of the newest value, in (0, 1]; 1 is a Shewhart individuals chart.</summary>
    public double Lambda { get; set; } = DefaultLambda;

    /// <summary>Gets or sets L, the width of the control limits in standard deviations of the EWMA statistic; positive.</summary>
    public double LimitWidth { get; set; } = DefaultLimitWidth;

    /// <summary>Gets or sets a value indicating whether to use the asymptotic (steady-state) limits from the first value
    /// instead of the exact time-varying ones, which are narrower for the first values.</summary>
    public bool UseAsymptoticLimits { get; set; }
}
