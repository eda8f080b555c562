using Cx.Domain.Attribution;
using Cx.Domain.Journey;

namespace Cx.Domain.Internal;

/// <summary>A built-in model that fits from mergeable path statistics rather than from a path set, so that customers can be
/// split into blocks (threads) or partitions (workers) and their counts merged before the fit.</summary>
internal interface IPathStatisticsModel
{
    /// <summary>Empty statistics for one direction, or null when the model learns nothing from paths (the heuristic models).</summary>
    PathStatistics? CreateStatistics(JourneyFramework framework, AttributionOptions options);

    /// <summary>Fits the model from the statistics of every path (with at least one touch) of one direction.</summary>
    AttributionModelFit Fit(PathStatistics? statistics, JourneyFramework framework, AttributionOptions options, AttributionDirection direction);
}
