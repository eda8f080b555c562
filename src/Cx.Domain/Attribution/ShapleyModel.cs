using System.Collections.Immutable;
using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Validation;

namespace Cx.Domain.Attribution;

/// <summary>Exact Shapley value of a game whose players are the journey's stages (default) or touchpoints, worth a conversion
/// rate (default) or, as Zhao et al. (2018), a conversion count.</summary>
/// <remarks>
/// <para>Characteristic function, <see cref="ShapleyValueFunction.ConversionRate"/> (the default): for a coalition S of
/// players, let N(S) be the number of paths (converting and null) with at least one touch whose set of players is a subset
/// of S, and C(S) the converting ones among them; then v(S) = C(S) / N(S), and v(S) = 0 when N(S) = 0 (so v(∅) = 0). It is
/// the conversion rate of the journeys that S alone could have produced, and it uses the null paths: a stage that customers
/// pass through without moving lowers the rate of the coalitions it joins.</para>
/// <para><see cref="ShapleyValueFunction.ConversionCount"/>: v(S) = C(S), the number of converting paths whose players are
/// all in S, as in Zhao, Mahboobi and Bagheri (2018), "Shapley Value Methods for Attribution Modeling in Online Advertising",
/// arXiv:1804.05327. Null paths play no part; the value of player i is their simplified formula, Σ over exact player sets T
/// containing i of (converting paths with set T) / |T|, so <see cref="PlayerScore.Score"/> is the number of conversions
/// credited to the player and the scores add up to the converting paths with touches.</para>
/// <para>φ_i = Σ over S ⊆ P \ {i} of |S|! (n − |S| − 1)! / n! × (v(S ∪ {i}) − v(S)), computed exactly over all 2^n
/// coalitions (n ≤ <see cref="AttributionOptions.MaxShapleyPlayers"/> players met in the data, else CX0604) with subset sums.
/// The values satisfy efficiency (Σ φ_i = v(P)), symmetry and the null-player axiom. Negative values are clamped to zero for
/// the weights and flagged; weights are normalised to sum to 1.</para>
/// <para>Each movement's value is shared over the players on its own path in proportion to their weights; over stages, a
/// stage's share is split equally among its touches on the path.</para>
/// <para>The game is built from counts of paths per exact player set, which add up over customers, so the model fits from
/// counts merged across customer partitions (see <see cref="AttributionStatistics"/>).</para>
/// </remarks>
public sealed class ShapleyModel : IAttributionModel, IPathStatisticsModel
{
    /// <inheritdoc/>
    public AttributionModel Kind => AttributionModel.Shapley;

    /// <inheritdoc/>
    /// <exception cref="CxValidationException">More than 15 players are met in the paths (CX0604).</exception>
    public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ShapleyCoalitionCounts counts = CreateCounts(paths.Framework, options);
        for (int p = 0; p < paths.PathCount; p++)
        {
            ReadOnlySpan<int> path = paths.Touchpoints(p);
            if (!path.IsEmpty)
            {
                counts.Add(path, paths.IsConverting(p));
            }
        }

        return Fit(counts, paths.Framework, options, paths.Direction);
    }

    /// <inheritdoc/>
    PathStatistics? IPathStatisticsModel.CreateStatistics(JourneyFramework framework, AttributionOptions options) => CreateCounts(framework, options);

    /// <inheritdoc/>
    AttributionModelFit IPathStatisticsModel.Fit(PathStatistics? statistics, JourneyFramework framework, AttributionOptions options, AttributionDirection direction) =>
        Fit((ShapleyCoalitionCounts)statistics!, framework, options, direction);

    private static ShapleyCoalitionCounts CreateCounts(JourneyFramework framework, AttributionOptions options)
    {
        bool byStage = options.ShapleyPlayers != ShapleyPlayers.Touchpoints;
        int playerCount = byStage ? framework.Stages.Count : framework.Touchpoints.Count;
        int[] playerOf = framework.Touchpoints.Select((t, i) => byStage ? framework.IndexOfStage(t.StageId) : i).ToArray();
        return new ShapleyCoalitionCounts(playerOf, playerCount);
    }

    private static PlayerWeightFit Fit(ShapleyCoalitionCounts counts, JourneyFramework framework, AttributionOptions options, AttributionDirection direction)
    {
        bool byStage = options.ShapleyPlayers != ShapleyPlayers.Touchpoints;
        int playerCount = counts.PlayerCount;
        int[] playerOf = framework.Touchpoints.Select((t, i) => byStage ? framework.IndexOfStage(t.StageId) : i).ToArray();
        List<(int[] Players, long All, long Converting)> coalitions = [.. counts.Coalitions()];

        // The players met, each given a bit of a compact mask.
        bool[] met = new bool[playerCount];
        foreach ((int[] players, _, _) in coalitions)
        {
            foreach (int player in players)
            {
                met[player] = true;
            }
        }

        int[] bit = new int[playerCount];
        var metPlayers = new List<int>();
        for (int i = 0; i < playerCount; i++)
        {
            bit[i] = -1;
            if (met[i])
            {
                bit[i] = metPlayers.Count;
                metPlayers.Add(i);
            }
        }

        int m = metPlayers.Count;
        if (m > AttributionOptions.MaxShapleyPlayers)
        {
            var failures = new FailureCollector();
            failures.Add(null, "attribution options", nameof(AttributionOptions.ShapleyPlayers), CxErrorCodes.AttributionTooManyShapleyPlayers,
                string.Create(CultureInfo.InvariantCulture, $"Expected at most {AttributionOptions.MaxShapleyPlayers} Shapley players met in the {direction.ToString().ToLowerInvariant()} paths, got {m} {(byStage ? "stages" : "touchpoints")}. Use ShapleyPlayers.Stages, or the Markov chain model for many touchpoints."));
            failures.ThrowIfAny("attribution options");
        }

        int size = 1 << m;
        long[] all = new long[size];
        long[] converting = new long[size];
        foreach ((int[] players, long pathCount, long convertingCount) in coalitions)
        {
            int mask = 0;
            foreach (int player in players)
            {
                mask |= 1 << bit[player];
            }

            all[mask] += pathCount;
            converting[mask] += convertingCount;
        }

        // Subset sums: all[S] = paths whose player set is a subset of S.
        for (int b = 0; b < m; b++)
        {
            for (int s = 0; s < size; s++)
            {
                if ((s & (1 << b)) != 0)
                {
                    all[s] += all[s ^ (1 << b)];
                    converting[s] += converting[s ^ (1 << b)];
                }
            }
        }

        double[] v = new double[size];
        bool rate = options.ShapleyValueFunction != ShapleyValueFunction.ConversionCount;
        for (int s = 0; s < size; s++)
        {
            v[s] = rate ? (all[s] > 0 ? (double)converting[s] / all[s] : 0) : converting[s];
        }

        double[] coalitionWeight = new double[m];
        for (int s = 0; s < m; s++)
        {
            coalitionWeight[s] = Factorial(s) * Factorial(m - s - 1) / Factorial(m);
        }

        double[] phi = new double[m];
        for (int i = 0; i < m; i++)
        {
            int me = 1 << i;
            double sum = 0;
            for (int s = 0; s < size; s++)
            {
                if ((s & me) == 0)
                {
                    sum += coalitionWeight[int.PopCount(s)] * (v[s | me] - v[s]);
                }
            }

            phi[i] = sum;
        }

        double total = phi.Where(x => x > 0).Sum();
        double[] weights = new double[playerCount];
        var scores = ImmutableArray.CreateBuilder<PlayerScore>(m);
        for (int i = 0; i < m; i++)
        {
            weights[metPlayers[i]] = phi[i] > 0 && total > 0 ? phi[i] / total : 0;
            string id = byStage ? framework.Stages[metPlayers[i]].Id : framework.Touchpoints[metPlayers[i]].Id;
            scores.Add(new PlayerScore(direction, id, phi[i], weights[metPlayers[i]], phi[i] < 0));
        }

        return new PlayerWeightFit(weights, playerOf, scores.MoveToImmutable());
    }

    private static double Factorial(int k)
    {
        double f = 1;
        for (int i = 2; i <= k; i++)
        {
            f *= i;
        }

        return f;
    }
}
