using System.Collections.Immutable;
using Cx.Domain.Internal;
using Cx.Domain.Journey;

namespace Cx.Domain.Attribution;

/// <summary>First-order Markov chain removal effect: a touchpoint's weight is the share of conversions the journey would lose
/// if customers who reach it dropped out there.</summary>
/// <remarks>
/// <para>States: start, one per touchpoint, and the absorbing outcome (a movement in this direction) and null (touches in the
/// window, no such movement). Each path with at least one touch adds the transitions start → t1 → … → tk → outcome or null;
/// transition probabilities are the counts over each state's outgoing total. (Converting paths without touches go to the
/// unattributed bucket and do not enter the chain.)</para>
/// <para>The probability of reaching the outcome from start is solved analytically: with Q the transient-to-transient
/// probabilities and r the transient-to-outcome ones, x = (I − Q)⁻¹ r (the fundamental matrix N = (I − Q)⁻¹ times r), by
/// Gaussian elimination with partial pivoting on a (touchpoints + 1)-square system — no simulation, deterministic.
/// Removing touchpoint k makes it lead to null (its row of Q and its r are zeroed); its removal effect is
/// 1 − x′(start) / x(start). Removal effects are normalised to weights that sum to 1; a removal effect that comes out
/// negative (only possible through rounding) is clamped to zero and flagged in <see cref="PlayerScore.IsClamped"/>.</para>
/// <para>With <see cref="MarkovAllocation.PerPath"/> (the default) each movement's value is then shared over the touchpoints
/// on its own path in proportion to their weights (a touchpoint met twice on the path counts once), so a touchpoint never met
/// by that customer gets nothing. With <see cref="MarkovAllocation.Pooled"/>, as the ChannelAttribution package reports
/// it, the value of each period's movements with touches is shared over all touchpoints by the weights.</para>
/// <para>The transition counts add up over customers, so the model fits from counts merged across customer partitions
/// (see <see cref="AttributionStatistics"/>).</para>
/// </remarks>
public sealed class MarkovChainModel : IAttributionModel, IPathStatisticsModel
{
    /// <inheritdoc/>
    public AttributionModel Kind => AttributionModel.MarkovChain;

    /// <inheritdoc/>
    public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var counts = new MarkovTransitionCounts(paths.Framework.Touchpoints.Count);
        for (int p = 0; p < paths.PathCount; p++)
        {
            ReadOnlySpan<int> path = paths.Touchpoints(p);
            if (!path.IsEmpty)
            {
                counts.Add(path, paths.IsConverting(p));
            }
        }

        return Fit(counts, paths.Framework, paths.Direction);
    }

    /// <inheritdoc/>
    PathStatistics? IPathStatisticsModel.CreateStatistics(JourneyFramework framework, AttributionOptions options) => new MarkovTransitionCounts(framework.Touchpoints.Count);

    /// <inheritdoc/>
    AttributionModelFit IPathStatisticsModel.Fit(PathStatistics? statistics, JourneyFramework framework, AttributionOptions options, AttributionDirection direction) =>
        Fit((MarkovTransitionCounts)statistics!, framework, direction);

    /// <summary>The probability of absorption in the outcome from start, with one transient state made a dead end.</summary>
    internal static double ConversionProbability(long[] counts, int n, int removed)
    {
        int columns = n + 2;
        double[] a = new double[n * n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++)
        {
            a[(i * n) + i] = 1;
            if (i == removed)
            {
                continue;
            }

            long outgoing = 0;
            for (int c = 0; c < columns; c++)
            {
                outgoing += counts[(i * columns) + c];
            }

            if (outgoing == 0)
            {
                continue;
            }

            for (int j = 0; j < n; j++)
            {
                a[(i * n) + j] -= (double)counts[(i * columns) + j] / outgoing;
            }

            r[i] = (double)counts[(i * columns) + n] / outgoing;
        }

        return DenseLinearSolver.Solve(a, r, n)[0];
    }

    private static PlayerWeightFit Fit(MarkovTransitionCounts transitions, JourneyFramework framework, AttributionDirection direction)
    {
        int touchpointCount = transitions.TouchpointCount;
        int n = transitions.States;
        int columns = transitions.Columns;
        long[] counts = transitions.Counts;
        double[] weights = new double[touchpointCount];
        var scores = ImmutableArray.CreateBuilder<PlayerScore>();
        double baseline = ConversionProbability(counts, n, removed: -1);
        double[] effects = new double[touchpointCount];
        bool[] visited = new bool[touchpointCount];
        bool[] clamped = new bool[touchpointCount];
        double total = 0;
        for (int k = 0; k < touchpointCount; k++)
        {
            for (int c = 0; c < columns; c++)
            {
                visited[k] |= counts[((k + 1) * columns) + c] > 0;
            }

            if (!visited[k])
            {
                continue;
            }

            double effect = baseline > 0 ? 1 - (ConversionProbability(counts, n, removed: k + 1) / baseline) : 0;
            effects[k] = effect;
            if (effect < 0)
            {
                clamped[k] = true;
            }
            else
            {
                weights[k] = effect;
                total += effect;
            }
        }

        for (int k = 0; k < touchpointCount; k++)
        {
            if (visited[k])
            {
                weights[k] = total > 0 ? weights[k] / total : 0;
                scores.Add(new PlayerScore(direction, framework.Touchpoints[k].Id, effects[k], weights[k], clamped[k]));
            }
        }

        return new PlayerWeightFit(weights, null, scores.ToImmutable());
    }
}
