using Cx.Domain.Internal;
using Cx.Domain.Journey;

namespace Cx.Domain.Attribution;

/// <summary>Time decay: a touch weighs 2^(−age / half-life), its age measured back from the end of the movement's period.</summary>
/// <remarks>Heuristic: ignores other customers' paths. With a 7-day half-life, a touch 7 days before the period end weighs
/// half as much as one at the very end and twice as much as one 14 days before it (<see cref="AttributionOptions.HalfLife"/>).</remarks>
public sealed class TimeDecayModel : IAttributionModel, IPathStatisticsModel
{
    /// <inheritdoc/>
    public AttributionModel Kind => AttributionModel.TimeDecay;

    /// <inheritdoc/>
    public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        return new DecayFit(options.HalfLife.BclCompatibleTicks);
    }

    /// <inheritdoc/>
    PathStatistics? IPathStatisticsModel.CreateStatistics(JourneyFramework framework, AttributionOptions options) => null;

    /// <inheritdoc/>
    AttributionModelFit IPathStatisticsModel.Fit(PathStatistics? statistics, JourneyFramework framework, AttributionOptions options, AttributionDirection direction) =>
        new DecayFit(options.HalfLife.BclCompatibleTicks);

    private sealed class DecayFit(long halfLifeTicks) : AttributionModelFit
    {
        public override void Weigh(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> weights)
        {
            // Relative to the youngest touch so that very old touches do not underflow to zero before the others.
            long youngest = long.MaxValue;
            foreach (long age in ageTicks)
            {
                youngest = Math.Min(youngest, age);
            }

            for (int i = 0; i < ageTicks.Length; i++)
            {
                weights[i] = Math.Pow(2, -(double)(ageTicks[i] - youngest) / halfLifeTicks);
            }
        }
    }
}
