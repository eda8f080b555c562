using Cx.Domain.Attribution;

namespace Cx.Domain.Internal;

/// <summary>A data-driven fit: one weight per player (touchpoint, or stage through <c>playerOf</c>); each player on a path gets
/// its weight once, split equally over its touches on that path.</summary>
/// <remarks>Thread-safe: the per-path occurrence counts live in a per-thread scratch array.</remarks>
internal sealed class PlayerWeightFit : AttributionModelFit
{
    [ThreadStatic]
    private static int[]? t_occurrences;

    private readonly double[] _weights;
    private readonly int[]? _playerOf;
    private readonly IReadOnlyList<PlayerScore> _scores;

    public PlayerWeightFit(double[] weights, int[]? playerOf, IReadOnlyList<PlayerScore> scores)
    {
        _weights = weights;
        _playerOf = playerOf;
        _scores = scores;
    }

    public override IReadOnlyList<PlayerScore> Scores => _scores;

    internal override bool HasLearnedWeights => true;

    /// <summary>Gets the weight of each player (normalised; zero for a player not met or clamped).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Gets the player of each touchpoint, or null when the players are the touchpoints.</summary>
    public int[]? PlayerOf => _playerOf;

    public override void Weigh(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> weights)
    {
        int[] occurrences = Count(touchpoints);
        for (int i = 0; i < touchpoints.Length; i++)
        {
            int player = Player(touchpoints[i]);
            weights[i] = _weights[player] / occurrences[player];
        }

        Reset(touchpoints, occurrences);
    }

    internal override void WeighExact(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> numerators, Span<long> denominators)
    {
        int[] occurrences = Count(touchpoints);
        for (int i = 0; i < touchpoints.Length; i++)
        {
            int player = Player(touchpoints[i]);
            numerators[i] = _weights[player];
            denominators[i] = occurrences[player];
        }

        Reset(touchpoints, occurrences);
    }

    private int[] Count(ReadOnlySpan<int> touchpoints)
    {
        int[] occurrences = t_occurrences is { } scratch && scratch.Length >= _weights.Length ? scratch : t_occurrences = new int[_weights.Length];
        foreach (int t in touchpoints)
        {
            occurrences[Player(t)]++;
        }

        return occurrences;
    }

    private void Reset(ReadOnlySpan<int> touchpoints, int[] occurrences)
    {
        foreach (int t in touchpoints)
        {
            occurrences[Player(t)] = 0;
        }
    }

    private int Player(int touchpoint) => _playerOf is null ? touchpoint : _playerOf[touchpoint];
}
