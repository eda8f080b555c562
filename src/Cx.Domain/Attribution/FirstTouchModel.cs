using Cx.Domain.Internal;
using Cx.Domain.Journey;

namespace Cx.Domain.Attribution;

/// <summary>First touch: the whole movement to the earliest touch in the window.</summary>
/// <remarks>Heuristic: ignores other customers' paths. Path A, B, A: A gets 100%.</remarks>
public sealed class FirstTouchModel : IAttributionModel, IPathStatisticsModel
{
    /// <inheritdoc/>
    public AttributionModel Kind => AttributionModel.FirstTouch;

    /// <inheritdoc/>
    public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        return new WeighFit();
    }

    /// <inheritdoc/>
    PathStatistics? IPathStatisticsModel.CreateStatistics(JourneyFramework framework, AttributionOptions options) => null;

    /// <inheritdoc/>
    AttributionModelFit IPathStatisticsModel.Fit(PathStatistics? statistics, JourneyFramework framework, AttributionOptions options, AttributionDirection direction) =>
        new WeighFit();

    private sealed class WeighFit : AttributionModelFit
    {
        public override void Weigh(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> weights)
        {
            weights.Clear();
            weights[0] = 1;
        }
    }
}
