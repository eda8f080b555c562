using Cx.Domain.Attribution;

namespace Cx.Domain.Internal;

/// <summary>A data-driven fit: one weight per player (touchpoint, or stage through <c>playerOf</c>); each player on a path gets
/// its weight once, split equally over its touches on that path.</summary>
internal sealed class PlayerWeightFit : AttributionModelFit
{
    private readonly double[] _weights;
    private readonly int[]? _playerOf;
    private readonly int[] _occurrences;
    private readonly IReadOnlyList<PlayerScore> _scores;

    public PlayerWeightFit(double[] weights, int[]? playerOf, IReadOnlyList<PlayerScore> scores)
    {
        _weights = weights;
        _playerOf = playerOf;
        _occurrences = new int[weights.Length];
        _scores = scores;
    }

    public override IReadOnlyList<PlayerScore> Scores => _scores;

    public override void Weigh(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> weights)
    {
        foreach (int t in touchpoints)
        {
            _occurrences[Player(t)]++;
        }

        for (int i = 0; i < touchpoints.Length; i++)
        {
            int player = Player(touchpoints[i]);
            weights[i] = _weights[player] / _occurrences[player];
        }

        foreach (int t in touchpoints)
        {
            _occurrences[Player(t)] = 0;
        }
    }

    private int Player(int touchpoint) => _playerOf is null ? touchpoint : _playerOf[touchpoint];
}
