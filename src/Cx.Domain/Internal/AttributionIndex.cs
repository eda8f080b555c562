using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;

namespace Cx.Domain.Internal;

/// <summary>The first stage of an attribution: the movements and events read, validated and indexed — customers as dense
/// slots, the analysed periods with their windows, each customer's attributed movements as a linked list, and each
/// customer's touches grouped together in time order (a counting sort into one pooled array).</summary>
/// <remarks>Slots are handed out in input order (movements, then events); <see cref="RankCustomers"/> gives the ordinal
/// order of the customer ids that every later stage walks, so nothing depends on input order. Input sorted by customer
/// takes a faster path to the same index: movements get their slots by adjacency, events are cut into one run per
/// customer and merged with them (no hashing; the ordinal order falls out of the merge), and the touches stay where they
/// are, each customer's range given by <see cref="EventStart"/> and <see cref="EventEnd"/>. Dispose returns the pooled
/// touches.</remarks>
internal sealed class AttributionIndex : IDisposable
{
    private readonly JourneyFramework _framework;
    private readonly AttributionOptions _options;
    private readonly AttributionCounts _counts;
    private readonly int _touchpointCount;
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<CustomerId> _ids = [];

    // Slots handed out without the dictionary (movements sorted by customer): the dictionary is filled from the ids the
    // first time a lookup needs it.
    private int _slotsFilled;

    // Whether the slots so far were handed out to customers in ascending ordinal order (sorted movements), so that sorted
    // events can be merged with them without hashing.
    private bool _slotsAscending = true;

    // The slots in ordinal order of the ids, when reading found it for free (sorted input), else null.
    private int[]? _ordinalOrder;
    private List<int> _movementHead = [];
    private List<int> _movementNext = [];

    public AttributionIndex(JourneyFramework framework, AttributionOptions options, AttributionCounts counts)
    {
        _framework = framework;
        _options = options;
        _counts = counts;
        _touchpointCount = framework.Touchpoints.Count;
    }

    /// <summary>Gets the analysed periods, in grid order.</summary>
    public GridPeriod[] Periods { get; private set; } = [];

    /// <summary>Gets the start of each analysed period's window, in Unix ticks (inclusive).</summary>
    public long[] WindowStart { get; private set; } = [];

    /// <summary>Gets the end of each analysed period's window, in Unix ticks (exclusive).</summary>
    public long[] WindowEnd { get; private set; } = [];

    /// <summary>Gets, for each analysed period, whether a movement of any class (flat and excluded ones too) falls in it.</summary>
    public bool[] PeriodHasMovement { get; private set; } = [];

    /// <summary>Gets the attributed movements.</summary>
    public List<CountedMovement> Movements { get; private set; } = [];

    /// <summary>Gets, per customer slot, the first of its movements (an index into <see cref="Movements"/>), or −1.</summary>
    public int[] MovementHead { get; private set; } = [];

    /// <summary>Gets, per movement, the next movement of the same customer, or −1.</summary>
    public int[] MovementNext { get; private set; } = [];

    /// <summary>Gets the touches grouped by customer slot (customer c's are <c>[EventStart[c], EventEnd[c])</c>), each
    /// customer's in time order; a pooled array, longer than <see cref="TouchCount"/>.</summary>
    public AttributionTouch[] Touches { get; private set; } = [];

    /// <summary>Gets the number of touches.</summary>
    public int TouchCount { get; private set; }

    /// <summary>Gets the start of each customer's touches in <see cref="Touches"/>.</summary>
    public int[] EventStart { get; private set; } = [];

    /// <summary>Gets the end (exclusive) of each customer's touches in <see cref="Touches"/>.</summary>
    public int[] EventEnd { get; private set; } = [];

    /// <summary>Gets the customers, by slot.</summary>
    public IReadOnlyList<CustomerId> Ids => _ids;

    /// <summary>Gets the number of customer slots.</summary>
    public int CustomerCount => _ids.Count;

    /// <summary>Reads movements and events given as objects.</summary>
    /// <param name="movements">The movements.</param>
    /// <param name="events">The events.</param>
    /// <param name="knownCustomers">The customers events may name, or null for any.</param>
    /// <param name="periods">The periods to analyse (in grid order; every movement must fall in one), or null for the
    /// distinct periods of the movements.</param>
    public void ReadObjects(IEnumerable<CustomerMovement> movements, IEnumerable<ExperienceEvent> events, IEnumerable<CustomerId>? knownCustomers, GridPeriod[]? periods)
    {
        HashSet<string>? known = knownCustomers?.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        ReadMovements(movements, ReadOnlySpan<int>.Empty, columnar: false, periods);
        ReadEvents(events, known);
        Complete();
    }

    /// <summary>Reads movements and events given as columns: the dense customer indexes are the slots, so no id is hashed.</summary>
    /// <param name="columns">The columns.</param>
    /// <param name="periods">The periods to analyse, or null for the distinct periods of the movements.</param>
    public void ReadColumns(AttributionColumns columns, GridPeriod[]? periods)
    {
        _ids.AddRange(columns.Customers);
        ReadMovements(columns.Movements, columns.MovementCustomer.Span, columnar: true, periods);
        ReadEventColumns(columns);
        Complete();
    }

    public void Dispose()
    {
        if (Touches.Length > 0)
        {
            ArrayPool<AttributionTouch>.Shared.Return(Touches);
            Touches = [];
        }
    }

    /// <summary>The first of a customer's touches at or after an instant (a binary search within the customer's touches).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int LowerBound(int customer, long ticks)
    {
        AttributionTouch[] touches = Touches;
        int lo = EventStart[customer];
        int hi = EventEnd[customer];
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (touches[mid].Ticks < ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The slots in ordinal order of the customer ids. Slots are handed out in input order (movements, then
    /// events), which is usually a few ascending runs: a natural merge sort costs O(n log runs), O(n) for sorted input.</summary>
    /// <param name="checkDistinct">Whether to reject two slots with one id (the columns' customers must be distinct).</param>
    public int[] RankCustomers(bool checkDistinct)
    {
        if (_ordinalOrder is not null && !checkDistinct)
        {
            return _ordinalOrder;
        }

        int n = _ids.Count;
        string[] keys = new string[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = _ids[i].Value;
            order[i] = i;
        }

        var runs = new List<int> { 0 };
        for (int i = 1; i < n; i++)
        {
            if (string.CompareOrdinal(keys[i - 1], keys[i]) > 0)
            {
                runs.Add(i);
            }
        }

        if (runs.Count > 64)
        {
            Array.Sort(keys, order, StringComparer.Ordinal);
            return checkDistinct ? CheckDistinct(order) : order;
        }

        runs.Add(n);
        int[] buffer = new int[n];
        while (runs.Count > 2)
        {
            var merged = new List<int> { 0 };
            for (int r = 0; r + 1 < runs.Count; r += 2)
            {
                int lo = runs[r];
                int mid = runs[r + 1];
                int hi = r + 2 < runs.Count ? runs[r + 2] : mid;
                int a = lo, b = mid, o = lo;
                while (a < mid && b < hi)
                {
                    buffer[o++] = string.CompareOrdinal(keys[order[a]], keys[order[b]]) <= 0 ? order[a++] : order[b++];
                }

                while (a < mid)
                {
                    buffer[o++] = order[a++];
                }

                while (b < hi)
                {
                    buffer[o++] = order[b++];
                }

                merged.Add(hi);
            }

            (order, buffer) = (buffer, order);
            runs = merged;
        }

        return checkDistinct ? CheckDistinct(order) : order;
    }

    /// <summary>Replaces a pooled buffer by a larger one (at least <paramref name="needed"/>, at least twice the used
    /// part), keeping the used part.</summary>
    internal static void Grow<T>(ref T[] pooled, int used, int needed)
    {
        T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, used * 2));
        pooled.AsSpan(0, used).CopyTo(larger);
        ArrayPool<T>.Shared.Return(pooled);
        pooled = larger;
    }

    /// <summary>Checks that no two customers of the columns share an id (adjacent in ordinal order).</summary>
    private int[] CheckDistinct(int[] order)
    {
        for (int i = 1; i < order.Length; i++)
        {
            if (_ids[order[i - 1]].Equals(_ids[order[i]]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Expected distinct customers in the columns, got '{_ids[order[i]]}' at indexes {Math.Min(order[i - 1], order[i])} and {Math.Max(order[i - 1], order[i])}."));
            }
        }

        return order;
    }

    /// <summary>Turns the movement links into arrays sized by the final number of slots.</summary>
    private void Complete()
    {
        int[] head = new int[_ids.Count];
        Array.Fill(head, -1);
        CollectionsMarshal.AsSpan(_movementHead).CopyTo(head);
        MovementHead = head;
        MovementNext = [.. _movementNext];
        _movementHead = [];
        _movementNext = [];
    }

    /// <summary>Whether a customer already has a counted movement in a period (its list holds one per period at most).</summary>
    private bool HasMovement(int slot, int period)
    {
        for (int m = _movementHead[slot]; m >= 0; m = _movementNext[m])
        {
            if (Movements[m].Period == period)
            {
                return true;
            }
        }

        return false;
    }

    private int SlotOf(CustomerId customer)
    {
        // Keyed by the id's text: string keys with the ordinal comparer get the runtime's fast non-randomised hashing.
        if (_slotsFilled < _ids.Count)
        {
            _slots.EnsureCapacity(_ids.Count);
            for (; _slotsFilled < _ids.Count; _slotsFilled++)
            {
                _slots.Add(_ids[_slotsFilled].Value, _slotsFilled);
            }
        }

        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, customer.Value, out bool exists);
        if (!exists)
        {
            slot = _ids.Count;
            _ids.Add(customer);
            _slotsFilled = _ids.Count;
            _slotsAscending = false;
        }

        return slot;
    }

    /// <summary>The slot of a movement's customer when the movements come sorted by customer: a new slot whenever the
    /// customer differs from the last slot's (no hashing; the slots are those <see cref="SlotOf"/> would hand out).</summary>
    private int SortedSlotOf(CustomerId customer)
    {
        if (_ids.Count == 0 || !SameCustomer(_ids[^1], customer))
        {
            _ids.Add(customer);
        }

        return _ids.Count - 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameCustomer(CustomerId a, CustomerId b) => ReferenceEquals(a.Value, b.Value) || a.Equals(b);

    /// <summary>Whether the movements' customers come in ascending ordinal order (equal ones adjacent).</summary>
    private static bool SortedByCustomer(List<CustomerMovement> movements)
    {
        for (int i = 1; i < movements.Count; i++)
        {
            string previous = movements[i - 1].Customer.Value;
            string current = movements[i].Customer.Value;
            if (!ReferenceEquals(previous, current) && string.CompareOrdinal(previous, current) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private void ReadMovements(IEnumerable<CustomerMovement> movements, ReadOnlySpan<int> movementCustomer, bool columnar, GridPeriod[]? analysed)
    {
        Dictionary<int, int>? fixedPosition = analysed?.Select((p, i) => (p.Index, i)).ToDictionary(x => x.Index, x => x.i);
        var periods = new Dictionary<int, GridPeriod>();
        var all = new List<CustomerMovement>();
        foreach (CustomerMovement movement in movements)
        {
            if (movement is null)
            {
                throw new ArgumentNullException(nameof(movements), "Expected customer movements, got a null entry.");
            }

            all.Add(movement);
            if (fixedPosition is not null)
            {
                if (!fixedPosition.TryGetValue(movement.Period.Index, out int at) || analysed![at] != movement.Period)
                {
                    throw new ArgumentException(
                        $"Expected movements of the analysed periods ({string.Join(", ", analysed!.Select(p => p.Label))}), got one of customer '{movement.Customer}' in {movement.Period}. Count and allocate the same customers, with the same grid.",
                        nameof(movements));
                }
            }
            else if (periods.TryGetValue(movement.Period.Index, out GridPeriod? seen) && !ReferenceEquals(seen, movement.Period) && seen != movement.Period)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected the movements of one period grid, got two periods with index {movement.Period.Index}: {seen} and {movement.Period}."), nameof(movements));
            }
            else
            {
                periods[movement.Period.Index] = movement.Period;
            }
        }

        Periods = analysed ?? [.. periods.Values.OrderBy(p => p.Index)];
        if (Periods.Length > 1 << 20)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected at most {1 << 20} periods, got {Periods.Length}."), nameof(movements));
        }

        Dictionary<int, int> position = fixedPosition ?? Periods.Select((p, i) => (p.Index, i)).ToDictionary(x => x.Index, x => x.i);
        (WindowStart, WindowEnd) = AttributionWindows.Of(Periods, _options);
        PeriodHasMovement = new bool[Periods.Length];
        HashSet<MovementClass> classes = _options.Movements.ToHashSet();
        bool sorted = !columnar && _ids.Count == 0 && SortedByCustomer(all);
        if (!columnar && !sorted)
        {
            _slots.EnsureCapacity(all.Count);
        }

        var counted = new List<CountedMovement>(all.Count);
        Movements = counted;
        _movementHead = new List<int>(Math.Max(_ids.Count, all.Count));
        _movementNext = new List<int>(all.Count);
        var failures = new FailureCollector();
        for (int i = 0; i < all.Count; i++)
        {
            CustomerMovement m = all[i];
            int period = position[m.Period.Index];
            PeriodHasMovement[period] = true;
            AttributionDirection direction = m.IsGain ? AttributionDirection.Gains : m.IsLoss ? AttributionDirection.Losses : AttributionDirection.None;
            if (direction == AttributionDirection.None || !classes.Contains(m.Class))
            {
                _counts.ExcludedMovements++;
                continue;
            }

            int slot = columnar ? ColumnSlot(movementCustomer[i], m, nameof(movements)) : sorted ? SortedSlotOf(m.Customer) : SlotOf(m.Customer);
            while (_movementHead.Count <= slot)
            {
                _movementHead.Add(-1);
            }

            if (HasMovement(slot, period))
            {
                failures.Add(i, "customer movement", "Customer", CxErrorCodes.AttributionMovementInvalid,
                    $"Expected at most one movement per customer and period, got a second one for customer '{m.Customer}' in {m.Period}. Pass each customer's movements once.");
                continue;
            }

            long value = direction == AttributionDirection.Gains ? m.ValueDelta : -m.ValueDelta;
            if (value < 0)
            {
                failures.Add(i, "customer movement", "Value", CxErrorCodes.AttributionMovementInvalid,
                    string.Create(CultureInfo.InvariantCulture, $"Expected a {EnumText.Of(m.Class)} movement to {(direction == AttributionDirection.Gains ? "increase" : "decrease")} the value, got {m.PreviousValue} to {m.CurrentValue} for customer '{m.Customer}' in {m.Period}."));
                continue;
            }

            _movementNext.Add(_movementHead[slot]);
            _movementHead[slot] = counted.Count;
            counted.Add(new CountedMovement(m, slot, period, direction, value));
            if (direction == AttributionDirection.Gains)
            {
                _counts.Gains++;
            }
            else
            {
                _counts.Losses++;
            }
        }

        failures.ThrowIfAny("customer movements");
    }

    private int ColumnSlot(int customer, CustomerMovement movement, string parameter) =>
        customer >= 0 && customer < _ids.Count && _ids[customer].Equals(movement.Customer)
            ? customer
            : throw new ArgumentException(
                $"Expected the customer index of each movement to name its customer, got {customer} for a movement of customer '{movement.Customer}' in {movement.Period}.",
                parameter);

    private void ReadEventColumns(AttributionColumns columns)
    {
        int n = columns.EventCount;
        int degree = AttributionEngine.DegreeFor(n);
        if (!ColumnsValid(columns, degree, out bool grouped))
        {
            ReportColumnFailures(columns);
        }

        _counts.Events = n;
        if (grouped)
        {
            ReadGroupedEventColumns(columns, degree);
            return;
        }

        int[] slots = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        AttributionTouch[] raw = ArrayPool<AttributionTouch>.Shared.Rent(Math.Max(1, n));
        try
        {
            Parallelism.ForEach(degree, k =>
            {
                (int from, int to) = AttributionEngine.Chunk(n, k, degree);
                ReadOnlySpan<long> ticks = columns.EventUnixTicks.Span;
                ReadOnlySpan<int> touchpoint = columns.EventTouchpoint.Span;
                ReadOnlySpan<ExperienceOutcome> outcome = columns.EventOutcome.Span;
                columns.EventCustomer.Span[from..to].CopyTo(slots.AsSpan(from));
                for (int i = from; i < to; i++)
                {
                    raw[i] = new AttributionTouch(ticks[i], touchpoint[i], outcome[i]);
                }
            });
            GroupTouches(slots, raw, n, degree);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slots);
            ArrayPool<AttributionTouch>.Shared.Return(raw);
        }
    }

    /// <summary>Reads event columns whose customer indexes never decrease: each customer's rows are already together, so
    /// the touches are built in place (no counting sort), each customer's range found where the index changes.</summary>
    private void ReadGroupedEventColumns(AttributionColumns columns, int degree)
    {
        int n = columns.EventCount;
        int[] eventStart = new int[_ids.Count];
        int[] eventEnd = new int[_ids.Count];
        AttributionTouch[] touches = n == 0 ? [] : ArrayPool<AttributionTouch>.Shared.Rent(n);
        Parallelism.ForEach(degree, k =>
        {
            (int from, int to) = AttributionEngine.Chunk(n, k, degree);
            ReadOnlySpan<int> customer = columns.EventCustomer.Span;
            ReadOnlySpan<long> ticks = columns.EventUnixTicks.Span;
            ReadOnlySpan<int> touchpoint = columns.EventTouchpoint.Span;
            ReadOnlySpan<ExperienceOutcome> outcome = columns.EventOutcome.Span;
            for (int i = from; i < to; i++)
            {
                touches[i] = new AttributionTouch(ticks[i], touchpoint[i], outcome[i]);

                // Every customer's rows form one run, so each entry is written by one thread only.
                if (i > 0 && customer[i] != customer[i - 1])
                {
                    eventStart[customer[i]] = i;
                    eventEnd[customer[i - 1]] = i;
                }
            }
        });
        if (n > 0)
        {
            eventEnd[columns.EventCustomer.Span[n - 1]] = n;
        }

        EventStart = eventStart;
        EventEnd = eventEnd;
        Touches = touches;
        TouchCount = n;
        SortEachCustomer(degree);
    }

    /// <summary>Whether every event row names a customer and touchpoint in range (a non-empty customer) and a defined
    /// outcome; and whether the rows come grouped by customer (indexes never decreasing).</summary>
    private bool ColumnsValid(AttributionColumns columns, int degree, out bool grouped)
    {
        int n = columns.EventCount;
        int customers = _ids.Count;
        bool[] emptyCustomer = [.. _ids.Select(c => c.IsEmpty)];
        bool[] valid = new bool[degree];
        bool[] ascending = new bool[degree];
        Parallelism.ForEach(degree, k =>
        {
            (int from, int to) = AttributionEngine.Chunk(n, k, degree);
            ReadOnlySpan<int> customer = columns.EventCustomer.Span;
            ReadOnlySpan<int> touchpoint = columns.EventTouchpoint.Span;
            ReadOnlySpan<ExperienceOutcome> outcome = columns.EventOutcome.Span;
            bool ok = true;
            bool sorted = true;
            int previous = from > 0 ? customer[from - 1] : int.MinValue;
            for (int i = from; i < to && ok; i++)
            {
                int c = customer[i];
                int t = touchpoint[i];
                ok = (uint)c < (uint)customers && !emptyCustomer[c] && (uint)t < (uint)_touchpointCount
                    && outcome[i] is ExperienceOutcome.Unknown or ExperienceOutcome.Reliable or ExperienceOutcome.Unreliable;
                sorted &= c >= previous;
                previous = c;
            }

            valid[k] = ok;
            ascending[k] = sorted;
        });
        grouped = ascending.All(v => v);
        return valid.All(v => v);
    }

    /// <summary>Reports every invalid event row, in row order.</summary>
    private void ReportColumnFailures(AttributionColumns columns)
    {
        ReadOnlySpan<int> customerColumn = columns.EventCustomer.Span;
        ReadOnlySpan<int> touchpointColumn = columns.EventTouchpoint.Span;
        ReadOnlySpan<ExperienceOutcome> outcomeColumn = columns.EventOutcome.Span;
        int n = customerColumn.Length;
        int customers = _ids.Count;
        var failures = new FailureCollector();
        for (int i = 0; i < n; i++)
        {
            int c = customerColumn[i];
            if (c < 0 || c >= customers)
            {
                failures.Add(i, "experience event", nameof(ExperienceEvent.Customer), CxErrorCodes.EventUnknownCustomer,
                    string.Create(CultureInfo.InvariantCulture, $"Expected a customer index from 0 to {customers - 1}, got {c}. Correct the event's customer, or add the customer."));
            }
            else if (_ids[c].IsEmpty)
            {
                failures.Add(i, "experience event", nameof(ExperienceEvent.Customer), CxErrorCodes.CustomerIdEmpty, RecordRules.CustomerMessage);
            }

            int t = touchpointColumn[i];
            if (t < 0 || t >= _touchpointCount)
            {
                failures.Add(i, "experience event", nameof(ExperienceEvent.TouchpointId), CxErrorCodes.EventUnknownTouchpoint,
                    string.Create(CultureInfo.InvariantCulture, $"Expected a touchpoint index of journey '{_framework.Name}' from 0 to {_touchpointCount - 1}, got {t}. Add it to the framework or correct the event."));
            }

            if (outcomeColumn[i] is not (ExperienceOutcome.Unknown or ExperienceOutcome.Reliable or ExperienceOutcome.Unreliable))
            {
                failures.Add(i, "experience event", nameof(ExperienceEvent.Outcome), CxErrorCodes.EventInvalid, $"Expected an outcome of Reliable, Unreliable or Unknown, got {EnumText.Of(outcomeColumn[i])}.");
            }
        }

        failures.ThrowIfAny("experience events");
    }

    private void ReadEvents(IEnumerable<ExperienceEvent> events, HashSet<string>? known)
    {
        if (events is ExperienceEvent[] or List<ExperienceEvent> && AttributionEngine.DegreeFor(events.Count()) is > 1 and int degree
            && TryReadEventsInParallel(events, known, degree))
        {
            return;
        }

        ReadEventsInOrder(events, known);
    }

    /// <summary>Reads an array or list of events on several threads: each converts and checks a chunk, marking where a new
    /// customer's run starts; then the runs get their slots in input order (one lookup per run). Returns false, having
    /// read nothing, when an event is invalid or names an unknown customer: the ordered pass then reports every failure.</summary>
    private bool TryReadEventsInParallel(IEnumerable<ExperienceEvent> events, HashSet<string>? known, int degree)
    {
        int n = events.Count();
        int[] slots = ArrayPool<int>.Shared.Rent(n);
        AttributionTouch[] raw = ArrayPool<AttributionTouch>.Shared.Rent(n);
        bool rawKept = false;
        try
        {
            bool[] valid = new bool[degree];
            bool[] ascending = new bool[degree];
            var runStarts = new List<int>[degree];
            Parallelism.ForEach(degree, k =>
            {
                (int from, int to) = AttributionEngine.Chunk(n, k, degree);
                ReadOnlySpan<ExperienceEvent> span = events is ExperienceEvent[] array ? array : CollectionsMarshal.AsSpan((List<ExperienceEvent>)events);
                string?[] cachedIds = new string?[256];
                int[] cachedIndexes = new int[256];
                string? previous = from > 0 ? span[from - 1].Customer.Value : null;
                bool ok = true;
                bool sorted = true;
                var starts = new List<int>(((to - from) >> 3) + 1);
                for (int i = from; i < to && ok; i++)
                {
                    ref readonly ExperienceEvent e = ref span[i];
                    string? id = e.TouchpointId;
                    int cacheSlot = id is null ? 0 : RuntimeHelpers.GetHashCode(id) & 255;
                    int touchpoint = id is not null && ReferenceEquals(id, cachedIds[cacheSlot]) ? cachedIndexes[cacheSlot] : _framework.IndexOfTouchpoint(id);
                    cachedIds[cacheSlot] = id;
                    cachedIndexes[cacheSlot] = touchpoint;
                    ok = !e.Customer.IsEmpty && touchpoint >= 0
                        && e.Outcome is ExperienceOutcome.Unknown or ExperienceOutcome.Reliable or ExperienceOutcome.Unreliable
                        && (e.Channel is null || !string.IsNullOrWhiteSpace(e.Channel));
                    raw[i] = new AttributionTouch(e.At.ToUnixTimeTicks(), touchpoint, e.Outcome);

                    // A run of one customer's events ends where the id's text changes; runs in ascending order of the ids
                    // make the events sorted by customer.
                    string current = e.Customer.Value;
                    bool newRun = !ReferenceEquals(current, previous);
                    if (newRun && previous is not null)
                    {
                        int order = string.CompareOrdinal(previous, current);
                        newRun = order != 0;
                        sorted &= order <= 0;
                    }

                    slots[i] = newRun ? -2 : -1;
                    if (newRun)
                    {
                        starts.Add(i);
                    }

                    previous = current;
                }

                valid[k] = ok;
                ascending[k] = sorted;
                runStarts[k] = starts;
            });
            if (!valid.All(v => v))
            {
                return false;
            }

            ReadOnlySpan<ExperienceEvent> all = events is ExperienceEvent[] events1 ? events1 : CollectionsMarshal.AsSpan((List<ExperienceEvent>)events);
            if (_slotsAscending && ascending.All(v => v))
            {
                if (!TryMergeSortedRuns(all, runStarts, n, known))
                {
                    return false;
                }

                _counts.Events = n;
                Touches = raw;
                TouchCount = n;
                rawKept = true;
                SortEachCustomer(degree);
                return true;
            }

            int slot = -1;
            for (int i = 0; i < n; i++)
            {
                if (slots[i] == -2)
                {
                    CustomerId customer = all[i].Customer;
                    if (known is not null && !known.Contains(customer.Value))
                    {
                        return false;
                    }

                    slot = SlotOf(customer);
                }

                slots[i] = slot;
            }

            _counts.Events = n;
            GroupTouches(slots, raw, n, degree);
            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slots);
            if (!rawKept)
            {
                ArrayPool<AttributionTouch>.Shared.Return(raw);
            }
        }
    }

    /// <summary>Gives the runs of events sorted by customer their slots by merging them with the movements' customers
    /// (sorted too, slots ascending): a customer met in both keeps its movement slot, a new one gets the next slot, as
    /// <see cref="SlotOf"/> would hand them out, but no id is hashed, the ordinal order of the slots falls out of the merge,
    /// and each customer's touches are already together (<c>[run start, next run start)</c>).</summary>
    /// <returns>False when an event names a customer outside <paramref name="known"/> (the ordered pass then reports it).</returns>
    private bool TryMergeSortedRuns(ReadOnlySpan<ExperienceEvent> events, List<int>[] runStarts, int n, HashSet<string>? known)
    {
        int movers = _ids.Count;
        int runs = runStarts.Sum(r => r.Count);
        int[] runSlot = new int[runs];
        var order = new List<int>(movers + runs);
        int a = 0;
        int run = 0;
        foreach (List<int> starts in runStarts)
        {
            foreach (int start in starts)
            {
                CustomerId customer = events[start].Customer;
                int slot = -1;
                while (a < movers)
                {
                    int byId = string.CompareOrdinal(_ids[a].Value, customer.Value);
                    if (byId > 0)
                    {
                        break;
                    }

                    order.Add(a);
                    a++;
                    if (byId == 0)
                    {
                        slot = a - 1;
                        break;
                    }
                }

                if (slot < 0)
                {
                    if (known is not null && !known.Contains(customer.Value))
                    {
                        return false;
                    }

                    slot = _ids.Count;
                    _ids.Add(customer);
                    order.Add(slot);
                }

                runSlot[run++] = slot;
            }
        }

        for (; a < movers; a++)
        {
            order.Add(a);
        }

        int customers = _ids.Count;
        int[] eventStart = new int[customers];
        int[] eventEnd = new int[customers];
        run = 0;
        int previousSlot = -1;
        foreach (List<int> starts in runStarts)
        {
            foreach (int start in starts)
            {
                if (previousSlot >= 0)
                {
                    eventEnd[previousSlot] = start;
                }

                previousSlot = runSlot[run++];
                eventStart[previousSlot] = start;
            }
        }

        if (previousSlot >= 0)
        {
            eventEnd[previousSlot] = n;
        }

        EventStart = eventStart;
        EventEnd = eventEnd;
        _ordinalOrder = [.. order];
        return true;
    }

    /// <summary>Reads events one by one, in input order, collecting every failure with the event's position.</summary>
    private void ReadEventsInOrder(IEnumerable<ExperienceEvent> events, HashSet<string>? known)
    {
        var failures = new FailureCollector();
        int capacity = events.TryGetNonEnumeratedCount(out int eventCount) ? Math.Max(1, eventCount) : 1024;
        int[] slots = ArrayPool<int>.Shared.Rent(capacity);
        AttributionTouch[] raw = ArrayPool<AttributionTouch>.Shared.Rent(capacity);
        int accepted = 0;
        long position = -1;

        // Events usually come grouped by customer and share touchpoint id strings: remember the last customer and, in a
        // small table keyed by object identity, the touchpoint strings seen, so that most events cost no string hashing
        // (a reference comparison decides; any other string falls back to the lookups).
        string? lastCustomer = null;
        int lastSlot = -1;
        string?[] cachedIds = new string?[256];
        int[] cachedIndexes = new int[256];
        void Read(in ExperienceEvent e)
        {
            position++;
            bool ok = true;
            int slot = -1;
            if (e.Customer.IsEmpty)
            {
                failures.Add(position, "experience event", nameof(ExperienceEvent.Customer), CxErrorCodes.CustomerIdEmpty, RecordRules.CustomerMessage);
                ok = false;
            }
            else if (ReferenceEquals(e.Customer.Value, lastCustomer))
            {
                slot = lastSlot;
            }
            else if (known is not null && !known.Contains(e.Customer.Value))
            {
                failures.Add(position, "experience event", nameof(ExperienceEvent.Customer), CxErrorCodes.EventUnknownCustomer,
                    $"Expected a customer of the ledger, got '{e.Customer}'. Correct the event's customer id, or add the customer's revenue.");
                ok = false;
            }

            int cacheSlot = e.TouchpointId is null ? 0 : RuntimeHelpers.GetHashCode(e.TouchpointId) & 255;
            int touchpoint = e.TouchpointId is not null && ReferenceEquals(e.TouchpointId, cachedIds[cacheSlot])
                ? cachedIndexes[cacheSlot]
                : _framework.IndexOfTouchpoint(e.TouchpointId);
            if (touchpoint < 0)
            {
                failures.Add(position, "experience event", nameof(ExperienceEvent.TouchpointId), CxErrorCodes.EventUnknownTouchpoint,
                    $"Expected a touchpoint of journey '{_framework.Name}', got '{e.TouchpointId}'. Add it to the framework or correct the event.");
                ok = false;
            }
            else
            {
                cachedIds[cacheSlot] = e.TouchpointId;
                cachedIndexes[cacheSlot] = touchpoint;
            }

            if (e.Outcome is not (ExperienceOutcome.Unknown or ExperienceOutcome.Reliable or ExperienceOutcome.Unreliable))
            {
                failures.Add(position, "experience event", nameof(ExperienceEvent.Outcome), CxErrorCodes.EventInvalid, $"Expected an outcome of Reliable, Unreliable or Unknown, got {EnumText.Of(e.Outcome)}.");
                ok = false;
            }

            if (e.Channel is not null && string.IsNullOrWhiteSpace(e.Channel))
            {
                failures.Add(position, "experience event", nameof(ExperienceEvent.Channel), CxErrorCodes.EventInvalid, "Expected a channel name or none, got a blank one.");
                ok = false;
            }

            if (ok && failures.Count == 0)
            {
                if (slot < 0)
                {
                    slot = SlotOf(e.Customer);
                    lastCustomer = e.Customer.Value;
                    lastSlot = slot;
                }

                if (accepted == raw.Length)
                {
                    Grow(ref raw, accepted, accepted + 1);
                    Grow(ref slots, accepted, accepted + 1);
                }

                slots[accepted] = slot;
                raw[accepted] = new AttributionTouch(e.At.ToUnixTimeTicks(), touchpoint, e.Outcome);
                accepted++;
            }
        }

        // Arrays and lists are read in place (no enumerator, no copies of the events).
        if (events is ExperienceEvent[] array)
        {
            foreach (ref readonly ExperienceEvent e in array.AsSpan())
            {
                Read(in e);
            }
        }
        else if (events is List<ExperienceEvent> list)
        {
            foreach (ref readonly ExperienceEvent e in CollectionsMarshal.AsSpan(list))
            {
                Read(in e);
            }
        }
        else
        {
            foreach (ExperienceEvent e in events)
            {
                Read(in e);
            }
        }

        try
        {
            failures.ThrowIfAny("experience events");
            _counts.Events = position + 1;
            GroupTouches(slots, raw, accepted, AttributionEngine.DegreeFor(accepted));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slots);
            ArrayPool<AttributionTouch>.Shared.Return(raw);
        }
    }

    /// <summary>Groups the accepted touches by customer (counting sort into a pooled array), then orders each customer's
    /// touches by instant and journey order. On several threads, each counts and places a contiguous chunk of the rows
    /// (a chunk's rows of a customer land after the previous chunks'), then sorts a range of customers.</summary>
    private void GroupTouches(int[] slots, AttributionTouch[] raw, int accepted, int degree)
    {
        int customers = _ids.Count;
        int[] eventStart = new int[customers + 1];
        AttributionTouch[] touches = accepted == 0 ? [] : ArrayPool<AttributionTouch>.Shared.Rent(accepted);
        if (degree == 1 || customers == 0)
        {
            for (int i = 0; i < accepted; i++)
            {
                eventStart[slots[i] + 1]++;
            }

            for (int c = 0; c < customers; c++)
            {
                eventStart[c + 1] += eventStart[c];
            }

            int[] next = eventStart[..customers];
            for (int i = 0; i < accepted; i++)
            {
                touches[next[slots[i]]++] = raw[i];
            }
        }
        else
        {
            // Per chunk, the count of each customer's rows, then the position its first row goes to.
            int[] positions = new int[degree * customers];
            Parallelism.ForEach(degree, k =>
            {
                (int from, int to) = AttributionEngine.Chunk(accepted, k, degree);
                Span<int> counts = positions.AsSpan(k * customers, customers);
                for (int i = from; i < to; i++)
                {
                    counts[slots[i]]++;
                }
            });
            int running = 0;
            for (int c = 0; c < customers; c++)
            {
                eventStart[c] = running;
                for (int k = 0; k < degree; k++)
                {
                    int count = positions[(k * customers) + c];
                    positions[(k * customers) + c] = running;
                    running += count;
                }
            }

            eventStart[customers] = running;
            Parallelism.ForEach(degree, k =>
            {
                (int from, int to) = AttributionEngine.Chunk(accepted, k, degree);
                Span<int> next = positions.AsSpan(k * customers, customers);
                for (int i = from; i < to; i++)
                {
                    touches[next[slots[i]]++] = raw[i];
                }
            });
        }

        EventStart = eventStart;
        EventEnd = eventStart[1..];
        Touches = touches;
        TouchCount = accepted;
        SortEachCustomer(degree);
    }

    /// <summary>Orders each customer's touches (<see cref="SortTouches"/>), customers split over the threads.</summary>
    private void SortEachCustomer(int degree)
    {
        AttributionTouch[] touches = Touches;
        int[] eventStart = EventStart;
        int[] eventEnd = EventEnd;
        int customers = eventEnd.Length;
        Parallelism.ForEach(degree, k =>
        {
            (int from, int to) = AttributionEngine.Chunk(customers, k, degree);
            for (int c = from; c < to; c++)
            {
                SortTouches(touches.AsSpan(eventStart[c], eventEnd[c] - eventStart[c]));
            }
        });
    }

    /// <summary>Orders one customer's touches by instant, touchpoint (journey order), then outcome: insertion sort for
    /// the usual handful, the library sort beyond.</summary>
    private static void SortTouches(Span<AttributionTouch> touches)
    {
        if (touches.Length > 32)
        {
            touches.Sort(static (a, b) => Compare(a, b));
            return;
        }

        for (int i = 1; i < touches.Length; i++)
        {
            AttributionTouch current = touches[i];
            int j = i - 1;
            while (j >= 0 && Compare(touches[j], current) > 0)
            {
                touches[j + 1] = touches[j];
                j--;
            }

            touches[j + 1] = current;
        }
    }

    private static int Compare(AttributionTouch a, AttributionTouch b)
    {
        int byTime = a.Ticks.CompareTo(b.Ticks);
        return byTime != 0 ? byTime : a.Touchpoint != b.Touchpoint ? a.Touchpoint.CompareTo(b.Touchpoint) : a.Outcome.CompareTo(b.Outcome);
    }
}
