using Cx.Domain.Internal;
using Cx.Domain.Journey;

namespace Cx.Domain.Attribution;

/// <summary>Position based (U-shaped): the first and last touches get fixed shares, the touches between share the rest equally.</summary>
/// <remarks>Heuristic. With the default 40/20/40: one touch gets 100%; two touches 50/50 (in general first : last in the ratio
/// of their shares); path A, B, C, D gives A 40%, B 10%, C 10%, D 40%. See <see cref="AttributionOptions.FirstTouchShare"/>.
/// The shares are taken as the decimal numbers they print as (0.4 is 2/5, not the nearest binary fraction), so the split
/// to the cent is exact: on six touches the four between get 1/20 each, and equal quotas tie exactly.</remarks>
public sealed class PositionBasedModel : IAttributionModel, IPathStatisticsModel
{
    /// <summary>The largest denominator of a share taken as an exact decimal fraction (15 decimal places).</summary>
    private const long MaxDenominator = 1_000_000_000_000_000;

    /// <inheritdoc/>
    public AttributionModel Kind => AttributionModel.PositionBased;

    /// <inheritdoc/>
    public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        return Create(options);
    }

    /// <summary>The fit for the options' shares (it learns nothing from paths).</summary>
    internal static AttributionModelFit Create(AttributionOptions options) => new PositionFit(options.FirstTouchShare, options.LastTouchShare);

    /// <summary>A share in [0, 1] as the exact fraction of the decimal it prints as, or false when it needs more than 15 places.</summary>
    private static bool TryDecimalFraction(double share, out long numerator, out long denominator)
    {
        decimal d = (decimal)share;
        int scale = (decimal.GetBits(d)[3] >> 16) & 0xFF;
        if (scale > 15)
        {
            numerator = 0;
            denominator = 1;
            return false;
        }

        denominator = 1;
        for (int i = 0; i < scale; i++)
        {
            denominator *= 10;
        }

        numerator = decimal.ToInt64(d * denominator);
        return true;
    }

    /// <inheritdoc/>
    PathStatistics? IPathStatisticsModel.CreateStatistics(JourneyFramework framework, AttributionOptions options) => null;

    /// <inheritdoc/>
    AttributionModelFit IPathStatisticsModel.Fit(PathStatistics? statistics, JourneyFramework framework, AttributionOptions options, AttributionDirection direction) =>
        Create(options);

    private sealed class PositionFit : AttributionModelFit
    {
        private readonly double _first;
        private readonly double _last;

        // The exact shares first / denominator and last / denominator, and the rest (denominator − first − last).
        private readonly bool _exact;
        private readonly long _firstUnits;
        private readonly long _lastUnits;
        private readonly long _restUnits;
        private readonly long _denominator;

        public PositionFit(double first, double last)
        {
            _first = first;
            _last = last;
            if (TryDecimalFraction(first, out long a, out long da) && TryDecimalFraction(last, out long b, out long db))
            {
                long d = Math.Max(da, db);
                _exact = d <= MaxDenominator;
                _firstUnits = a * (d / da);
                _lastUnits = b * (d / db);
                _restUnits = Math.Max(0, d - _firstUnits - _lastUnits);
                _denominator = d;
            }
        }

        public override void Weigh(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> weights)
        {
            int n = weights.Length;
            if (n == 1)
            {
                weights[0] = 1;
                return;
            }

            if (n == 2)
            {
                weights[0] = _first;
                weights[1] = _last;
                return;
            }

            double middle = Math.Max(0, 1 - _first - _last) / (n - 2);
            weights.Fill(middle);
            weights[0] = _first;
            weights[^1] = _last;
        }

        internal override void WeighExact(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> numerators, Span<long> denominators)
        {
            int n = numerators.Length;
            if (!_exact || n == 1 || _denominator > long.MaxValue / Math.Max(1, n - 2))
            {
                base.WeighExact(touchpoints, ageTicks, numerators, denominators);
                return;
            }

            // first / d, then (d − first − last) / (d × (n − 2)) for each touch between, then last / d: integers below 2^53
            // over integer denominators, so the split sees the decimal shares exactly.
            numerators.Fill(_restUnits);
            denominators.Fill(_denominator * Math.Max(1, n - 2));
            numerators[0] = _firstUnits;
            numerators[^1] = _lastUnits;
            denominators[0] = _denominator;
            denominators[^1] = _denominator;
        }
    }
}
