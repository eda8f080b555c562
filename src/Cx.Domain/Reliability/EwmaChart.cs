using System.Collections.Immutable;
using Cx.Domain.Validation;

namespace Cx.Domain.Reliability;

/// <summary>An exponentially weighted moving average chart of individual values: <c>z_i = lambda x_i + (1 - lambda) z_(i-1)</c>,
/// <c>z_0</c> the baseline mean, with limits <c>mean ± L sigma sqrt(lambda / (2 - lambda) (1 - (1 - lambda)^(2i)))</c>.</summary>
/// <remarks>Sensitive to small persistent shifts; the defaults are in <see cref="EwmaOptions"/>. With
/// <see cref="EwmaOptions.UseAsymptoticLimits"/> the factor <c>(1 - (1 - lambda)^(2i))</c> is taken as 1.</remarks>
public sealed class EwmaChart
{
    private EwmaChart(ImmutableArray<double> statistics, ImmutableArray<double> lower, ImmutableArray<double> upper, ImmutableArray<DriftSignal> signals)
    {
        Statistics = statistics;
        LowerLimits = lower;
        UpperLimits = upper;
        Signals = signals;
    }

    /// <summary>Gets the EWMA statistic after each value.</summary>
    public IReadOnlyList<double> Statistics { get; }

    /// <summary>Gets the lower control limit at each value.</summary>
    public IReadOnlyList<double> LowerLimits { get; }

    /// <summary>Gets the upper control limit at each value.</summary>
    public IReadOnlyList<double> UpperLimits { get; }

    /// <summary>Gets the signals: every value whose statistic is outside its limits.</summary>
    public IReadOnlyList<DriftSignal> Signals { get; }

    /// <summary>Computes the chart.</summary>
    /// <param name="values">The values in time order, finite.</param>
    /// <param name="baseline">The in-control mean and sigma.</param>
    /// <param name="options">The settings; the defaults when null.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or the baseline is <c>default</c>.</exception>
    /// <exception cref="CxValidationException">The options are invalid (CX0514).</exception>
    public static EwmaChart Compute(IReadOnlyList<double> values, DriftBaseline baseline, EwmaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        options ??= new EwmaOptions();
        new EwmaOptionsValidator().ValidateOrThrow(options, "EWMA options");
        RequireBaseline(baseline);
        var state = new EwmaState(baseline, options.Lambda, options.LimitWidth, options.UseAsymptoticLimits);
        var statistics = ImmutableArray.CreateBuilder<double>(values.Count);
        var lower = ImmutableArray.CreateBuilder<double>(values.Count);
        var upper = ImmutableArray.CreateBuilder<double>(values.Count);
        var signals = ImmutableArray.CreateBuilder<DriftSignal>();
        for (int i = 0; i < values.Count; i++)
        {
            DriftDirection direction = state.Step(RequireFinite(values[i], i));
            statistics.Add(state.Statistic);
            lower.Add(state.Lower);
            upper.Add(state.Upper);
            if (direction != DriftDirection.None)
            {
                signals.Add(new DriftSignal(DriftSignalSource.Ewma, 0, i, direction, state.Statistic, direction == DriftDirection.Up ? state.Upper : state.Lower));
            }
        }

        return new EwmaChart(statistics.MoveToImmutable(), lower.MoveToImmutable(), upper.MoveToImmutable(), signals.ToImmutable());
    }

    internal static void RequireBaseline(DriftBaseline baseline)
    {
        if (!(baseline.Sigma > 0))
        {
            throw new ArgumentException("Expected a baseline with a positive sigma, got default(DriftBaseline). Create it with DriftBaseline.FromMeanAndSigma or FromMovingRange.", nameof(baseline));
        }
    }

    internal static double RequireFinite(double value, int index) => double.IsFinite(value)
        ? value
        : throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected finite values, got {value} at position {index}."), nameof(value));
}

/// <summary>The running state of an EWMA chart, one value at a time.</summary>
internal struct EwmaState
{
    private readonly double _mean;
    private readonly double _lambda;
    private readonly double _halfWidthAsymptotic;
    private readonly bool _asymptotic;
    private double _decay;

    public EwmaState(DriftBaseline baseline, double lambda, double limitWidth, bool asymptotic)
    {
        _mean = baseline.Mean;
        _lambda = lambda;
        _asymptotic = asymptotic;
        _halfWidthAsymptotic = limitWidth * baseline.Sigma * Math.Sqrt(lambda / (2 - lambda));
        _decay = 1;
        Statistic = baseline.Mean;
        Lower = Upper = baseline.Mean;
    }

    public double Statistic { get; private set; }

    public double Lower { get; private set; }

    public double Upper { get; private set; }

    public DriftDirection Step(double value)
    {
        Statistic = (_lambda * value) + ((1 - _lambda) * Statistic);
        _decay *= (1 - _lambda) * (1 - _lambda);
        double half = _asymptotic ? _halfWidthAsymptotic : _halfWidthAsymptotic * Math.Sqrt(1 - _decay);
        Lower = _mean - half;
        Upper = _mean + half;
        return Statistic > Upper ? DriftDirection.Up : Statistic < Lower ? DriftDirection.Down : DriftDirection.None;
    }
}
