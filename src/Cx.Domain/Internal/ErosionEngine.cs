using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;

namespace Cx.Domain.Internal;

/// <summary>The one implementation of exposure and impact: measurements and events are fed one at a time (from objects or
/// from columns), failing ones with a customer become exposure keys in a pooled buffer, and one sweep over the ledger's
/// customers in id order joins them with each customer's movements.</summary>
/// <remarks>
/// <para>An exposure key is <c>(customer position × periods + period) × subjects + subject</c>; sorted, the keys come in the
/// sweep's customer order, so the join needs no hashing. The buffer grows with the failing events that name a customer and
/// is rented from <see cref="ArrayPool{T}.Shared"/>, so steady-state allocation does not grow with the measurement count.</para>
/// <para>Definitions (<c>docs/concepts/revenue-at-risk.md</c>): a customer is active in period p when its value in p - 1 is
/// above zero, and that value is its value at the start of p; an exposure in p is followed by the movements of p to
/// p + h - 1; the customer churned when one of them is a churn, contracted when one is a contraction, and lost the sum of
/// their decreases, capped at its value at the start of p.</para>
/// </remarks>
internal sealed class ErosionEngine : IDisposable
{
    private readonly AssetLedger _ledger;
    private readonly ErosionTables _tables;
    private readonly long[] _bounds;
    private readonly double[] _threshold;
    private readonly bool[] _atMost;
    private readonly int[] _touchpointSubjectOfStandard;
    private readonly int[] _segmentRank;
    private readonly int _periods;
    private readonly int _subjects;
    private long[] _keys;
    private int _keyCount;
    private int _lastPeriod;

    public ErosionEngine(AssetLedger ledger, JourneyFramework framework, ReliabilityStandardSet standards, EarlyWarningOptions options)
    {
        _ledger = ledger;
        PeriodGrid grid = ledger.Grid;
        // Strata in a canonical order (segments ordinally, then no segment), not the ledger's order of first appearance: the
        // Mantel-Haenszel and standardized sums run over the strata in this order, so the same data in any order gives the
        // same floating-point result to the last bit.
        ImmutableArray<string> slots = ledger.SegmentSlots;
        int[] bySlot = [.. Enumerable.Range(0, slots.Length).OrderBy(s => slots[s], StringComparer.Ordinal)];
        _segmentRank = new int[slots.Length];
        for (int rank = 0; rank < bySlot.Length; rank++)
        {
            _segmentRank[bySlot[rank]] = rank;
        }

        ImmutableArray<string?> segments = [.. bySlot.Select(s => (string?)slots[s]), null];
        _tables = new ErosionTables(grid, ledger.Unit, framework, standards, options, segments, BandLabels(options.TenureBandStarts));
        _periods = grid.Count;
        _subjects = _tables.SubjectCount;
        _bounds = new long[_periods + 1];
        for (int p = 0; p < _periods; p++)
        {
            _bounds[p] = options.TimeZone.AtStartOfDay(grid[p].Start).ToInstant().ToUnixTimeTicks();
        }

        _bounds[_periods] = options.TimeZone.AtStartOfDay(grid.End.PlusDays(1)).ToInstant().ToUnixTimeTicks();
        _threshold = standards.Standards.Select(s => s.Threshold).ToArray();
        _atMost = standards.Standards.Select(s => s.Comparison == ThresholdComparison.AtMost).ToArray();
        _touchpointSubjectOfStandard = standards.Standards.Select(s => framework.IndexOfTouchpoint(s.TouchpointId) is int t and >= 0 ? standards.Count + t : -1).ToArray();
        _keys = ArrayPool<long>.Shared.Rent(1024);
    }

    /// <summary>Gets the period boundaries in ticks: period p holds ticks in [bounds[p], bounds[p + 1]).</summary>
    public ReadOnlySpan<long> Bounds => _bounds;

    /// <summary>Feeds one measurement of standard <paramref name="standard"/>; <paramref name="customer"/> is the customer's
    /// position in the ledger's <see cref="AssetLedger.Customers"/>, -1 for none, -2 for a customer not in the ledger.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddMeasurement(int standard, int customer, long ticks, double value)
    {
        int p = PeriodOf(ticks);
        if (p < 0)
        {
            _tables.OutsideGrid[standard]++;
            return;
        }

        int i = (standard * _periods) + p;
        _tables.Events[i]++;
        bool good = _atMost[standard] ? value <= _threshold[standard] : value >= _threshold[standard];
        if (good)
        {
            return;
        }

        _tables.Failing[i]++;
        if (customer >= 0)
        {
            _tables.FailingWithCustomer[i]++;
            AddKey(customer, p, standard);
            if (_touchpointSubjectOfStandard[standard] is int t and >= 0)
            {
                AddKey(customer, p, t);
            }
        }
        else if (customer == -2)
        {
            _tables.FailingWithUnknownCustomer[i]++;
        }
    }

    /// <summary>Feeds one experience event at touchpoint <paramref name="touchpoint"/> (its index in the framework); customer as
    /// in <see cref="AddMeasurement"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddEvent(int touchpoint, int customer, long ticks, ExperienceOutcome outcome)
    {
        int subject = _tables.TouchpointSubject(touchpoint);
        int p = PeriodOf(ticks);
        if (p < 0)
        {
            _tables.OutsideGrid[subject]++;
            return;
        }

        int i = (subject * _periods) + p;
        _tables.Events[i]++;
        if (outcome != ExperienceOutcome.Unreliable)
        {
            return;
        }

        _tables.Failing[i]++;
        if (customer >= 0)
        {
            _tables.FailingWithCustomer[i]++;
            AddKey(customer, p, subject);
        }
        else if (customer == -2)
        {
            _tables.FailingWithUnknownCustomer[i]++;
        }
    }

    /// <summary>Joins the exposure keys with the ledger's customers and returns the tables.</summary>
    public ErosionTables Finish()
    {
        Span<long> keys = _keys.AsSpan(0, _keyCount);
        keys.Sort();
        int distinct = 0;
        for (int k = 0; k < keys.Length; k++)
        {
            if (k == 0 || keys[k] != keys[k - 1])
            {
                keys[distinct++] = keys[k];
            }
        }

        int customers = _ledger.CustomerOrder.Length;
        int degree = customers >= ParallelThreshold ? Math.Clamp(Environment.ProcessorCount, 1, MaxDegreeOfParallelism) : 1;
        if (degree == 1)
        {
            Sweep(0, customers, _keys, 0, distinct, _tables);
            return _tables;
        }

        // Customers in disjoint ranges, one core each; every figure the sweep adds is a sum, so the parts add up to the whole.
        var parts = new ErosionTables[degree];
        long[] keyArray = _keys;
        long perCustomer = (long)_periods * _subjects;
        try
        {
            Parallel.For(0, degree, new ParallelOptions { MaxDegreeOfParallelism = degree }, part =>
            {
                int from = (int)((long)customers * part / degree);
                int to = (int)((long)customers * (part + 1) / degree);
                int firstKey = LowerBound(keyArray, distinct, from * perCustomer);
                int endKey = LowerBound(keyArray, distinct, to * perCustomer);
                parts[part] = _tables.EmptyLike();
                Sweep(from, to, keyArray, firstKey, endKey, parts[part]);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OverflowException))
        {
            throw new OverflowException(e.InnerExceptions[0].Message, e);
        }

        foreach (ErosionTables part in parts)
        {
            _tables.AddSweep(part);
        }

        return _tables;
    }

    /// <summary>Customer counts from which the sweep is split across cores (internal so tests can lower it).</summary>
    internal static int ParallelThreshold { get; set; } = 1 << 18;

    private const int MaxDegreeOfParallelism = 8;

    private static int LowerBound(long[] keys, int count, long value)
    {
        int found = Array.BinarySearch(keys, 0, count, value);
        if (found < 0)
        {
            return ~found;
        }

        while (found > 0 && keys[found - 1] == value)
        {
            found--;
        }

        return found;
    }

    public void Dispose()
    {
        if (_keys.Length > 0)
        {
            ArrayPool<long>.Shared.Return(_keys);
            _keys = [];
        }
    }

    internal static ImmutableArray<string> BandLabels(IReadOnlyList<int> starts)
    {
        var labels = ImmutableArray.CreateBuilder<string>(starts.Count + 1);
        int from = 0;
        foreach (int start in starts)
        {
            labels.Add(start - 1 == from
                ? from.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{from}-{start - 1}"));
            from = start;
        }

        labels.Add(string.Create(CultureInfo.InvariantCulture, $"{from}+"));
        return labels.MoveToImmutable();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int PeriodOf(long ticks)
    {
        long[] bounds = _bounds;
        int last = _lastPeriod;
        if (ticks >= bounds[last] && ticks < bounds[last + 1])
        {
            return last;
        }

        if (ticks < bounds[0] || ticks >= bounds[_periods])
        {
            return -1;
        }

        int found = Array.BinarySearch(bounds, ticks);
        int p = found >= 0 ? found : ~found - 1;
        _lastPeriod = p;
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddKey(int customer, int period, int subject)
    {
        if (_keyCount == _keys.Length)
        {
            long[] grown = ArrayPool<long>.Shared.Rent(_keys.Length * 2);
            _keys.AsSpan(0, _keyCount).CopyTo(grown);
            ArrayPool<long>.Shared.Return(_keys);
            _keys = grown;
        }

        _keys[_keyCount++] = ((((long)customer * _periods) + period) * _subjects) + subject;
    }

    private void Sweep(int fromPosition, int toPosition, long[] keyArray, int firstKey, int endKey, ErosionTables t)
    {
        ReadOnlySpan<long> keys = keyArray.AsSpan(0, endKey);
        LedgerCells cells = _ledger.Cells;
        ImmutableArray<int> order = _ledger.CustomerOrder;
        int first = cells.FirstReported;
        int axis = cells.AxisLength;
        int horizon = t.Options.Horizon;
        int[] bandStarts = [.. t.Options.TenureBandStarts];
        int bands = t.BandLabels.Length;
        int noSegment = t.SegmentNames.Length - 1;
        int lastComplete = _periods - horizon; // exposure periods 0..lastComplete have their whole horizon in the grid
        int strata = t.StratumCount;

        long[] value = ArrayPool<long>.Shared.Rent(axis + 1);
        int[] segment = ArrayPool<int>.Shared.Rent(axis + 1);
        long[] lossPrefix = ArrayPool<long>.Shared.Rent(axis + 2);
        int[] churnPrefix = ArrayPool<int>.Shared.Rent(axis + 2);
        int[] contractionPrefix = ArrayPool<int>.Shared.Rent(axis + 2);
        Array.Clear(value, 0, axis + 1);
        Array.Clear(segment, 0, axis + 1);
        var opening = new long[_periods];
        var stratum = new int[_periods];
        var churned = new bool[_periods];
        var contracted = new bool[_periods];
        var lost = new long[_periods];
        long perCustomer = (long)_periods * _subjects;
        int k = firstKey;
        try
        {
            for (int position = fromPosition; position < toPosition; position++)
            {
                int slot = order[position];
                ReadOnlySpan<int> periods = cells.PeriodsOf(slot);
                ReadOnlySpan<long> values = cells.ValuesOf(slot);
                ReadOnlySpan<int> segments = cells.SegmentsOf(slot);
                long firstActive = cells.IsActiveBeforeAxis(slot) ? long.MinValue / 4 : long.MaxValue;
                for (int j = 0; j < periods.Length; j++)
                {
                    if (values[j] > 0)
                    {
                        value[periods[j]] = values[j];
                        segment[periods[j]] = segments.IsEmpty || segments[j] < 0 ? -1 : _segmentRank[segments[j]];
                        firstActive = Math.Min(firstActive, periods[j]);
                    }
                }

                // Prefix sums of the loss movements at each axis period q (comparing q - 1 with q).
                lossPrefix[0] = 0;
                churnPrefix[0] = 0;
                contractionPrefix[0] = 0;
                for (int q = 0; q < axis; q++)
                {
                    long before = q > 0 ? value[q - 1] : 0;
                    long now = value[q];
                    bool churn = before > 0 && now == 0;
                    bool contraction = before > now && now > 0;
                    lossPrefix[q + 1] = checked(lossPrefix[q] + (churn || contraction ? before - now : 0));
                    churnPrefix[q + 1] = churnPrefix[q] + (churn ? 1 : 0);
                    contractionPrefix[q + 1] = contractionPrefix[q] + (contraction ? 1 : 0);
                }

                for (int p = 0; p < _periods; p++)
                {
                    int a = p + first;
                    long open = a > 0 ? value[a - 1] : 0;
                    opening[p] = open;
                    if (open <= 0)
                    {
                        continue;
                    }

                    t.ActiveCustomers[p]++;
                    t.ActiveValue[p] = checked(t.ActiveValue[p] + open);
                    int seg = segment[a - 1] < 0 ? noSegment : segment[a - 1];
                    long tenure = a - 1 - firstActive;
                    int band = 0;
                    while (band < bandStarts.Length && tenure >= bandStarts[band])
                    {
                        band++;
                    }

                    stratum[p] = (seg * bands) + band;
                    if (p <= lastComplete)
                    {
                        int end = a + horizon; // exclusive
                        churned[p] = churnPrefix[end] > churnPrefix[a];
                        contracted[p] = contractionPrefix[end] > contractionPrefix[a];
                        lost[p] = Math.Min(open, lossPrefix[end] - lossPrefix[a]);
                        t.All[(p * strata) + stratum[p]].Add(churned[p], contracted[p], open, lost[p]);
                    }
                }

                // Clear only the cells written, for the next customer.
                foreach (int q in periods)
                {
                    value[q] = 0;
                    segment[q] = 0;
                }

                long low = position * perCustomer;
                long high = low + perCustomer;
                while (k < keys.Length && keys[k] < low)
                {
                    k++; // keys of positions outside the ledger cannot occur; skip defensively
                }

                for (; k < keys.Length && keys[k] < high; k++)
                {
                    long rest = keys[k] - low;
                    int p = (int)(rest / _subjects);
                    int s = (int)(rest % _subjects);
                    int i = t.Index(s, p);
                    t.ExposedCustomers[i]++;
                    long open = opening[p];
                    if (open <= 0)
                    {
                        continue;
                    }

                    t.ExposedActiveCustomers[i]++;
                    t.ExposedValue[i] = checked(t.ExposedValue[i] + open);
                    if (p <= lastComplete)
                    {
                        t.Exposed[(i * strata) + stratum[p]].Add(churned[p], contracted[p], open, lost[p]);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(value);
            ArrayPool<int>.Shared.Return(segment);
            ArrayPool<long>.Shared.Return(lossPrefix);
            ArrayPool<int>.Shared.Return(churnPrefix);
            ArrayPool<int>.Shared.Return(contractionPrefix);
        }
    }
}
