using System.Collections.Immutable;
using Cx.Domain.Validation;

namespace Cx.Domain.Reliability;

/// <summary>Two one-sided tabular CUSUM charts on standardized values <c>z = (x - mean) / sigma</c>:
/// <c>C+_i = max(0, C+_(i-1) + z_i - k)</c> and <c>C-_i = max(0, C-_(i-1) - z_i - k)</c>, starting at 0; a sum above h signals.</summary>
/// <remarks>Sensitive to small persistent shifts of about 2k sigmas; the defaults are in <see cref="CusumOptions"/>. The
/// sums are in sigmas (Montgomery's standardized tabular CUSUM) and do not reset after a signal.</remarks>
public sealed class CusumChart
{
    private CusumChart(ImmutableArray<double> upper, ImmutableArray<double> lower, ImmutableArray<DriftSignal> signals)
    {
        UpperSums = upper;
        LowerSums = lower;
        Signals = signals;
    }

    /// <summary>Gets the upper cumulative sum C+ after each value, in sigmas.</summary>
    public IReadOnlyList<double> UpperSums { get; }

    /// <summary>Gets the lower cumulative sum C- after each value, in sigmas.</summary>
    public IReadOnlyList<double> LowerSums { get; }

    /// <summary>Gets the signals: every value after which a sum exceeds h.</summary>
    public IReadOnlyList<DriftSignal> Signals { get; }

    /// <summary>Computes the chart.</summary>
    /// <param name="values">The values in time order, finite.</param>
    /// <param name="baseline">The in-control mean and sigma.</param>
    /// <param name="options">The settings; the defaults when null.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or the baseline is <c>default</c>.</exception>
    /// <exception cref="CxValidationException">The options are invalid (CX0514).</exception>
    public static CusumChart Compute(IReadOnlyList<double> values, DriftBaseline baseline, CusumOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        options ??= new CusumOptions();
        new CusumOptionsValidator().ValidateOrThrow(options, "CUSUM options");
        EwmaChart.RequireBaseline(baseline);
        var state = new CusumState(baseline, options.ReferenceValue, options.DecisionInterval);
        var upper = ImmutableArray.CreateBuilder<double>(values.Count);
        var lower = ImmutableArray.CreateBuilder<double>(values.Count);
        var signals = ImmutableArray.CreateBuilder<DriftSignal>();
        for (int i = 0; i < values.Count; i++)
        {
            DriftDirection direction = state.Step(EwmaChart.RequireFinite(values[i], i));
            upper.Add(state.Upper);
            lower.Add(state.Lower);
            if (direction != DriftDirection.None)
            {
                signals.Add(new DriftSignal(DriftSignalSource.Cusum, 0, i, direction, direction == DriftDirection.Up ? state.Upper : state.Lower, options.DecisionInterval));
            }
        }

        return new CusumChart(upper.MoveToImmutable(), lower.MoveToImmutable(), signals.ToImmutable());
    }
}

/// <summary>The running state of a two-sided tabular CUSUM, one value at a time.</summary>
internal struct CusumState
{
    private readonly double _mean;
    private readonly double _sigma;
    private readonly double _k;
    private readonly double _h;

    public CusumState(DriftBaseline baseline, double k, double h)
    {
        _mean = baseline.Mean;
        _sigma = baseline.Sigma;
        _k = k;
        _h = h;
        Upper = Lower = 0;
    }

    public double Upper { get; private set; }

    public double Lower { get; private set; }

    public DriftDirection Step(double value)
    {
        double z = (value - _mean) / _sigma;
        Upper = Math.Max(0, Upper + z - _k);
        Lower = Math.Max(0, Lower - z - _k);
        return Upper > _h ? DriftDirection.Up : Lower > _h ? DriftDirection.Down : DriftDirection.None;
    }
}
