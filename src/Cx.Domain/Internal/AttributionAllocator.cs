using System.Globalization;
using System.Runtime.InteropServices;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;

namespace Cx.Domain.Internal;

/// <summary>The third stage of an attribution: each movement's value split over the distinct touchpoints on its own path
/// in proportion to the fitted model's weights, to the cent (largest remainder, ties to the touchpoint first in journey
/// order), into running totals and, when asked, the movement's drill-down.</summary>
/// <remarks>One allocator per thread: it owns its scratch buffers.</remarks>
internal sealed class AttributionAllocator
{
    private readonly JourneyFramework _framework;
    private readonly AttributionOptions _options;
    private readonly int[] _stageOf;
    private readonly int[] _categoryOf;
    private readonly double[] _touchpointWeight;
    private readonly int[] _stageSeen;
    private readonly int[] _categorySeen = new int[5];
    private readonly List<int> _distinct = [];
    private int _stamp;
    private double[] _weights = new double[16];
    private double[] _shares = new double[16];
    private long[] _parts = new long[16];
    private long[] _units = new long[16];
    private long[] _remainders = new long[16];

    public AttributionAllocator(JourneyFramework framework, AttributionOptions options, int[] stageOf, int[] categoryOf)
    {
        _framework = framework;
        _options = options;
        _stageOf = stageOf;
        _categoryOf = categoryOf;
        _touchpointWeight = new double[framework.Touchpoints.Count];
        _stageSeen = new int[framework.Stages.Count];
    }

    /// <summary>Allocates the converting paths of one direction.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="fit">The model fitted for the direction.</param>
    /// <param name="index">The index the paths were built from.</param>
    /// <param name="rankOf">Each customer slot's position in ordinal order of the ids.</param>
    /// <param name="totals">The totals to add to.</param>
    /// <param name="credits">The drill-down to add to, or null.</param>
    public void Allocate(AttributionPaths paths, AttributionModelFit fit, AttributionIndex index, int[] rankOf, AttributionTotals totals, List<RankedCredit>? credits)
    {
        AttributionDirection direction = paths.Set.Direction;
        bool losses = direction == AttributionDirection.Losses;
        List<CountedMovement> counted = index.Movements;
        double[] touchpointWeight = _touchpointWeight;
        int[] stageSeen = _stageSeen;
        int[] categorySeen = _categorySeen;
        List<int> distinct = _distinct;
        AttributionPathSet set = paths.Set;
        for (int p = 0; p < set.PathCount; p++)
        {
            int movement = paths.MovementOfPath[p];
            if (movement < 0)
            {
                continue;
            }

            CountedMovement m = counted[movement];
            int period = paths.PeriodOfPath[p];
            ReadOnlySpan<int> path = set.Touchpoints(p);
            if (path.IsEmpty)
            {
                totals.Unattributed(losses, period, m.Value);
                credits?.Add(new RankedCredit(period, rankOf[m.Slot], direction, new MovementCredit(m.Movement, direction, m.Value, [])));
                continue;
            }

            if (_weights.Length < path.Length)
            {
                _weights = new double[path.Length * 2];
            }

            Span<double> w = _weights.AsSpan(0, path.Length);
            fit.Weigh(path, set.AgeTicks(p), w);
            distinct.Clear();
            double sum = 0;
            for (int i = 0; i < path.Length; i++)
            {
                if (!double.IsFinite(w[i]) || w[i] < 0)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"Expected finite, non-negative weights from the {_options.Model} model, got {w[i]} for touchpoint '{_framework.Touchpoints[path[i]].Id}'."));
                }

                if (touchpointWeight[path[i]] == 0 && !distinct.Contains(path[i]))
                {
                    distinct.Add(path[i]);
                }

                touchpointWeight[path[i]] += w[i];
                sum += w[i];
            }

            if (!(sum > 0))
            {
                // Every touch weighed zero: share equally over the touches instead (counted).
                totals.Fallbacks++;
                foreach (int t in path)
                {
                    touchpointWeight[t] = 0;
                }

                distinct.Clear();
                foreach (int t in path)
                {
                    if (touchpointWeight[t] == 0)
                    {
                        distinct.Add(t);
                    }

                    touchpointWeight[t] += 1;
                }

                sum = path.Length;
            }

            Span<int> distinctSpan = CollectionsMarshal.AsSpan(distinct);
            distinctSpan.Sort();
            int n = distinctSpan.Length;
            if (_shares.Length < n)
            {
                _shares = new double[n * 2];
                _parts = new long[n * 2];
                _units = new long[n * 2];
                _remainders = new long[n * 2];
            }

            double[] shares = _shares;
            long[] parts = _parts;
            for (int j = 0; j < n; j++)
            {
                shares[j] = touchpointWeight[distinctSpan[j]];
            }

            LargestRemainder.Allocate(m.Value, shares.AsSpan(0, n), parts.AsSpan(0, n), _units.AsSpan(0, n), _remainders.AsSpan(0, n));
            _stamp++;
            TouchpointShare[]? list = credits is not null ? new TouchpointShare[n] : null;
            for (int j = 0; j < n; j++)
            {
                int t = distinctSpan[j];
                bool credited = shares[j] > 0;
                int stage = _stageOf[t];
                int category = _categoryOf[t];
                totals.Credit(losses, period, t, stage, parts[j], credited);
                if (credited && stageSeen[stage] != _stamp)
                {
                    stageSeen[stage] = _stamp;
                    totals.CountStage(losses, period, stage);
                }

                if (credited && categorySeen[category] != _stamp)
                {
                    categorySeen[category] = _stamp;
                    totals.CountCategory(losses, category);
                }

                if (list is not null)
                {
                    list[j] = new TouchpointShare(_framework.Touchpoints[t].Id, _framework.Stages[stage].Id, shares[j] / sum, parts[j]);
                }

                touchpointWeight[t] = 0;
            }

            if (list is not null)
            {
                credits!.Add(new RankedCredit(period, rankOf[m.Slot], direction, new MovementCredit(m.Movement, direction, m.Value, list)));
            }
        }
    }
}
