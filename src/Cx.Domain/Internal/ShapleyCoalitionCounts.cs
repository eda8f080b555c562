using System.Runtime.InteropServices;

namespace Cx.Domain.Internal;

/// <summary>For the Shapley game: how many paths (and how many converting ones) have each exact set of players.</summary>
/// <remarks>Up to 16 players the sets are bit masks into two dense arrays; beyond, a dictionary keyed by the sorted players
/// as characters (looked up by span, so a known set costs no allocation). One instance per thread.</remarks>
internal sealed class ShapleyCoalitionCounts : PathStatistics
{
    private const int DenseLimit = 16;

    private readonly int[] _playerOf;
    private readonly long[]? _all;
    private readonly long[]? _converting;
    private readonly Dictionary<string, long[]>? _sparse;
    private readonly int[] _seen;
    private int _stamp;

    /// <param name="playerOf">The player of each touchpoint.</param>
    /// <param name="playerCount">The number of players.</param>
    public ShapleyCoalitionCounts(int[] playerOf, int playerCount)
    {
        _playerOf = playerOf;
        PlayerCount = playerCount;
        _seen = new int[playerCount];
        if (playerCount <= DenseLimit)
        {
            _all = new long[1 << playerCount];
            _converting = new long[1 << playerCount];
        }
        else
        {
            _sparse = new Dictionary<string, long[]>(StringComparer.Ordinal);
        }
    }

    public int PlayerCount { get; }

    public override void Add(ReadOnlySpan<int> touchpoints, bool converting)
    {
        if (_all is not null)
        {
            int mask = 0;
            foreach (int t in touchpoints)
            {
                mask |= 1 << _playerOf[t];
            }

            _all[mask]++;
            if (converting)
            {
                _converting![mask]++;
            }

            return;
        }

        // The distinct players, sorted, as characters (two per player: its high and low 16 bits).
        _stamp++;
        Span<int> players = touchpoints.Length <= 128 ? stackalloc int[touchpoints.Length] : new int[touchpoints.Length];
        int n = 0;
        foreach (int t in touchpoints)
        {
            int player = _playerOf[t];
            if (_seen[player] != _stamp)
            {
                _seen[player] = _stamp;
                players[n++] = player;
            }
        }

        players = players[..n];
        players.Sort();
        Span<char> key = n <= 128 ? stackalloc char[2 * n] : new char[2 * n];
        for (int i = 0; i < n; i++)
        {
            key[2 * i] = (char)(players[i] >> 16);
            key[(2 * i) + 1] = (char)(players[i] & 0xFFFF);
        }

        Dictionary<string, long[]>.AlternateLookup<ReadOnlySpan<char>> lookup = _sparse!.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(key, out long[]? counts))
        {
            counts = new long[2];
            lookup[key] = counts;
        }

        counts[0]++;
        if (converting)
        {
            counts[1]++;
        }
    }

    public override void Add(PathStatistics other)
    {
        var source = (ShapleyCoalitionCounts)other;
        if (_all is not null)
        {
            for (int i = 0; i < _all.Length; i++)
            {
                _all[i] += source._all![i];
                _converting![i] += source._converting![i];
            }

            return;
        }

        foreach ((string key, long[] counts) in source._sparse!)
        {
            ref long[]? mine = ref CollectionsMarshal.GetValueRefOrAddDefault(_sparse!, key, out _);
            mine ??= new long[2];
            mine[0] += counts[0];
            mine[1] += counts[1];
        }
    }

    public override PathStatistics CreateEmpty() => new ShapleyCoalitionCounts(_playerOf, PlayerCount);

    /// <summary>Every player set met, with its path count and converting path count.</summary>
    public IEnumerable<(int[] Players, long All, long Converting)> Coalitions()
    {
        if (_all is not null)
        {
            for (int mask = 1; mask < _all.Length; mask++)
            {
                if (_all[mask] > 0)
                {
                    yield return ([.. Enumerable.Range(0, PlayerCount).Where(p => (mask & (1 << p)) != 0)], _all[mask], _converting![mask]);
                }
            }

            yield break;
        }

        foreach ((string key, long[] counts) in _sparse!.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            yield return ([.. Enumerable.Range(0, key.Length / 2).Select(i => (key[2 * i] << 16) | key[(2 * i) + 1])], counts[0], counts[1]);
        }
    }
}
