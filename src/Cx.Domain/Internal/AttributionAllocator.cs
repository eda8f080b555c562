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
    private readonly int[] _touchpointPart;
    private readonly LargestRemainder _split = new();
    private readonly int[] _stageSeen;
    private readonly int[] _categorySeen = new int[5];
    private readonly List<int> _distinct = [];
    private int _stamp;
    private double[] _numerators = new double[16];
    private long[] _denominators = new long[16];
    private int[] _partOf = new int[16];
    private double[] _fractions = new double[16];
    private long[] _parts = new long[16];

    public AttributionAllocator(JourneyFramework framework, AttributionOptions options, int[] stageOf, int[] categoryOf)
    {
        _framework = framework;
        _options = options;
        _stageOf = stageOf;
        _categoryOf = categoryOf;
        _touchpointPart = new int[framework.Touchpoints.Count];
        Array.Fill(_touchpointPart, -1);
        _stageSeen = new int[framework.Stages.Count];
    }

    /// <summary>Allocates the converting paths of one direction.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="fit">The model fitted for the direction.</param>
    /// <param name="pooled">For a pooled allocation, the global weight of every touchpoint (some positive): movements with
    /// touches then add to the period's pool, shared out at assembly, and their drill-down shares the value over every
    /// touchpoint by these weights; null to split each movement over its own path.</param>
    /// <param name="index">The index the paths were built from.</param>
    /// <param name="rankOf">Each customer slot's position in ordinal order of the ids.</param>
    /// <param name="totals">The totals to add to.</param>
    /// <param name="credits">The drill-down to add to, or null.</param>
    public void Allocate(AttributionPaths paths, AttributionModelFit fit, double[]? pooled, AttributionIndex index, int[] rankOf, AttributionTotals totals, List<RankedCredit>? credits)
    {
        AttributionDirection direction = paths.Set.Direction;
        bool losses = direction == AttributionDirection.Losses;
        List<CountedMovement> counted = index.Movements;
        int[] partOf = _touchpointPart;
        int[] stageSeen = _stageSeen;
        int[] categorySeen = _categorySeen;
        List<int> distinct = _distinct;
        AttributionPathSet set = paths.Set;
        bool learned = fit.HasLearnedWeights;
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

            if (pooled is not null)
            {
                AllocatePooled(path, pooled, m, period, direction, rankOf, totals, credits);
                continue;
            }

            int length = path.Length;
            EnsureTerms(length);
            Span<double> numerators = _numerators.AsSpan(0, length);
            Span<long> denominators = _denominators.AsSpan(0, length);
            fit.WeighExact(path, set.AgeTicks(p), numerators, denominators);
            bool positive = false;
            for (int i = 0; i < length; i++)
            {
                if (!double.IsFinite(numerators[i]) || numerators[i] < 0)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"Expected finite, non-negative weights from the {_options.Model} model, got {numerators[i]} for touchpoint '{_framework.Touchpoints[path[i]].Id}'."));
                }

                positive |= numerators[i] > 0;
            }

            if (!positive)
            {
                // Every touch weighed zero: share equally over the touches instead (counted).
                totals.Fallbacks++;
                numerators.Fill(1);
                denominators.Fill(1);
            }

            // The distinct touchpoints of the path in journey order, and the part each touch adds to.
            distinct.Clear();
            foreach (int t in path)
            {
                if (partOf[t] < 0)
                {
                    partOf[t] = distinct.Count;
                    distinct.Add(t);
                }
            }

            Span<int> distinctSpan = CollectionsMarshal.AsSpan(distinct);
            distinctSpan.Sort();
            int n = distinctSpan.Length;
            for (int j = 0; j < n; j++)
            {
                partOf[distinctSpan[j]] = j;
            }

            Span<int> part = _partOf.AsSpan(0, length);
            for (int i = 0; i < length; i++)
            {
                part[i] = partOf[path[i]];
            }

            if (_fractions.Length < n)
            {
                _fractions = new double[n * 2];
                _parts = new long[n * 2];
            }

            double[] fractions = _fractions;
            long[] parts = _parts;
            _split.Split(m.Value, part, numerators, denominators, n, parts.AsSpan(0, n), fractions.AsSpan(0, n), learned);
            _stamp++;
            TouchpointShare[]? list = credits is not null ? new TouchpointShare[n] : null;
            for (int j = 0; j < n; j++)
            {
                int t = distinctSpan[j];
                bool credited = fractions[j] > 0;
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
                    list[j] = new TouchpointShare(_framework.Touchpoints[t].Id, _framework.Stages[stage].Id, fractions[j], parts[j]);
                }

                partOf[t] = -1;
            }

            if (list is not null)
            {
                credits!.Add(new RankedCredit(period, rankOf[m.Slot], direction, new MovementCredit(m.Movement, direction, m.Value, list)));
            }
        }
    }

    /// <summary>Shares a value over every touchpoint by global weights (exactly, largest remainder in journey order).</summary>
    /// <param name="value">The value.</param>
    /// <param name="weights">The weight of each touchpoint; some positive.</param>
    /// <param name="parts">Receives each touchpoint's part (zero where the weight is zero).</param>
    /// <param name="fractions">Receives each touchpoint's weight as a fraction of the total.</param>
    public void Pool(long value, double[] weights, Span<long> parts, Span<double> fractions)
    {
        int n = weights.Length;
        EnsureTerms(n);

        Span<int> part = _partOf.AsSpan(0, n);
        for (int t = 0; t < n; t++)
        {
            part[t] = t;
        }

        weights.CopyTo(_numerators.AsSpan(0, n));
        _denominators.AsSpan(0, n).Fill(1);
        _split.Split(value, part, _numerators.AsSpan(0, n), _denominators.AsSpan(0, n), n, parts, fractions, tolerant: true);
    }

    /// <summary>Grows the per-term scratch buffers to hold at least <paramref name="terms"/> terms.</summary>
    private void EnsureTerms(int terms)
    {
        if (_numerators.Length < terms)
        {
            _numerators = new double[terms * 2];
            _denominators = new long[terms * 2];
            _partOf = new int[terms * 2];
        }
    }

    /// <summary>A movement of a pooled allocation: it counts for the touchpoints on its path with a positive global weight,
    /// and its value joins its period's pool.</summary>
    private void AllocatePooled(ReadOnlySpan<int> path, double[] pooled, CountedMovement m, int period, AttributionDirection direction, int[] rankOf, AttributionTotals totals, List<RankedCredit>? credits)
    {
        bool losses = direction == AttributionDirection.Losses;
        int[] partOf = _touchpointPart;
        _stamp++;
        foreach (int t in path)
        {
            if (partOf[t] >= 0 || !(pooled[t] > 0))
            {
                continue;
            }

            partOf[t] = 0;
            totals.CountTouchpoint(losses, t);
            int stage = _stageOf[t];
            int category = _categoryOf[t];
            if (_stageSeen[stage] != _stamp)
            {
                _stageSeen[stage] = _stamp;
                totals.CountStage(losses, period, stage);
            }

            if (_categorySeen[category] != _stamp)
            {
                _categorySeen[category] = _stamp;
                totals.CountCategory(losses, category);
            }
        }

        foreach (int t in path)
        {
            partOf[t] = -1;
        }

        totals.AddToPool(losses, period, m.Value);
        if (credits is null)
        {
            return;
        }

        int n = pooled.Length;
        long[] parts = new long[n];
        double[] fractions = new double[n];
        Pool(m.Value, pooled, parts, fractions);
        var list = new List<TouchpointShare>();
        for (int t = 0; t < n; t++)
        {
            if (pooled[t] > 0)
            {
                list.Add(new TouchpointShare(_framework.Touchpoints[t].Id, _framework.Stages[_stageOf[t]].Id, fractions[t], parts[t]));
            }
        }

        credits.Add(new RankedCredit(period, rankOf[m.Slot], direction, new MovementCredit(m.Movement, direction, m.Value, list)));
    }
}
