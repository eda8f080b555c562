using Cx.Domain.Internal;
using Cx.Domain.Journey;

namespace Cx.Domain.Attribution;

/// <summary>Linear: an equal share to every touch in the window; a touchpoint met twice gets two shares.</summary>
/// <remarks>Heuristic: ignores other customers' paths. Path A, B, A: A gets 2/3, B 1/3.</remarks>
public sealed class LinearModel : IAttributionModel, IPathStatisticsModel
{
    /// <inheritdoc/>
    public AttributionModel Kind => AttributionModel.Linear;

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
            weights.Fill(1);
        }
    }
}
