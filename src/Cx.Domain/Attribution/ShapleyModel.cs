using System.Collections.Immutable;
using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Attribution;

/// <summary>Exact Shapley value of a conversion-rate game whose players are the journey's stages (default) or touchpoints.</summary>
/// <remarks>
/// <para>Characteristic function: for a coalition S of players, let N(S) be the number of paths (converting and null) with at
/// least one touch whose set of players is a subset of S, and C(S) the converting ones among them; then
/// v(S) = C(S) / N(S), and v(S) = 0 when N(S) = 0 (so v(∅) = 0). It is the conversion rate of the journeys that S alone
/// could have produced. Unlike "value of the paths covered by S", which collapses to an equal split within each path, it
/// uses the null paths: a stage that customers pass through without moving lowers the rate of the coalitions it joins.</para>
/// <para>φ_i = Σ over S ⊆ P \ {i} of |S|! (n − |S| − 1)! / n! × (v(S ∪ {i}) − v(S)), computed exactly over all 2^n
/// coalitions (n ≤ <see cref="AttributionOptions.MaxShapleyPlayers"/> players met in the data, else CX0604) with subset sums.
/// The values satisfy efficiency (Σ φ_i = v(P)), symmetry and the null-player axiom. Negative values are clamped to zero for
/// the weights and flagged; weights are normalised to sum to 1.</para>
/// <para>Each movement's value is shared over the players on its own path in proportion to their weights; over stages, a
/// stage's share is split equally among its touches on the path.</para>
/// </remarks>
public sealed class ShapleyModel : IAttributionModel
{
    /// <inheritdoc/>
    public AttributionModel Kind => AttributionModel.Shapley;

    /// <inheritdoc/>
    /// <exception cref="CxValidationException">More than 15 players are met in the paths (CX0604).</exception>
    public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        Journey.JourneyFramework framework = paths.Framework;
        bool byStage = options.ShapleyPlayers != ShapleyPlayers.Touchpoints;
        int playerCount = byStage ? framework.Stages.Count : framework.Touchpoints.Count;
        int[] playerOf = framework.Touchpoints.Select((t, i) => byStage ? framework.IndexOfStage(t.StageId) : i).ToArray();

        bool[] met = new bool[playerCount];
        for (int p = 0; p < paths.PathCount; p++)
        {
            foreach (int t in paths.Touchpoints(p))
            {
                met[playerOf[t]] = true;
            }
        }

        int[] bit = new int[playerCount];
        var players = new List<int>();
        for (int i = 0; i < playerCount; i++)
        {
            bit[i] = -1;
            if (met[i])
            {
                bit[i] = players.Count;
                players.Add(i);
            }
        }

        int m = players.Count;
        if (m > AttributionOptions.MaxShapleyPlayers)
        {
            var failures = new FailureCollector();
            failures.Add(null, "attribution options", nameof(AttributionOptions.ShapleyPlayers), CxErrorCodes.AttributionTooManyShapleyPlayers,
                string.Create(CultureInfo.InvariantCulture, $"Expected at most {AttributionOptions.MaxShapleyPlayers} Shapley players met in the {paths.Direction.ToString().ToLowerInvariant()} paths, got {m} {(byStage ? "stages" : "touchpoints")}. Use ShapleyPlayers.Stages, or the Markov chain model for many touchpoints."));
            failures.ThrowIfAny("attribution options");
        }

        int size = 1 << m;
        double[] all = new double[size];
        double[] converting = new double[size];
        for (int p = 0; p < paths.PathCount; p++)
        {
            int mask = 0;
            foreach (int t in paths.Touchpoints(p))
            {
                mask |= 1 << bit[playerOf[t]];
            }

            if (mask == 0)
            {
                continue;
            }

            all[mask]++;
            if (paths.IsConverting(p))
            {
                converting[mask]++;
            }
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
        for (int s = 0; s < size; s++)
        {
            v[s] = all[s] > 0 ? converting[s] / all[s] : 0;
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
            weights[players[i]] = phi[i] > 0 && total > 0 ? phi[i] / total : 0;
            string id = byStage ? framework.Stages[players[i]].Id : framework.Touchpoints[players[i]].Id;
            scores.Add(new PlayerScore(paths.Direction, id, phi[i], weights[players[i]], phi[i] < 0));
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
