using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Attribution;

/// <summary>Journey-stage attribution: credits every customer movement (gains and losses alike) to the touchpoints its
/// customer met in a lookback window before the end of the movement's period, and rolls the credits up to stages, categories
/// and a stage-attributed bridge.</summary>
/// <remarks>
/// <para>Pure and stateless (a singleton). The analysed periods are the distinct periods of the movements given; for each
/// period and direction, a customer with touches in the window and no movement of that direction is a null path (used by the
/// data-driven models). Each movement's value — the increase of a gain, the decrease of a loss — is split over the distinct
/// touchpoints on its own path in proportion to the model's weights with the largest-remainder method (ties to the earlier
/// touchpoint in journey order), so the parts add up to the movement exactly and a touchpoint the customer never met gets
/// nothing. Movements with no touch go to <see cref="AttributionResult.Unattributed"/>.</para>
/// <para>Touches of a customer are ordered by instant, then journey order of the touchpoint, so results do not depend on
/// the order of the input. Events outside every window are counted (<see cref="AttributionResult.EventsOutsideEveryWindowCount"/>),
/// never an error; events with an unknown touchpoint, an empty customer, an undefined outcome, or (when the customers are known)
/// an unknown customer are errors, all reported together.</para>
/// </remarks>
public sealed partial class JourneyAttributionCalculator
{
    private readonly FrozenDictionary<AttributionModel, IAttributionModel> _models;

    /// <summary>Initializes a calculator with the built-in models.</summary>
    public JourneyAttributionCalculator()
        : this(BuiltInModels)
    {
    }

    /// <summary>Initializes a calculator with a set of models; the first model of each kind wins.</summary>
    /// <param name="models">The models, such as the ones registered with dependency injection.</param>
    /// <exception cref="ArgumentNullException"><paramref name="models"/> or one of them is null.</exception>
    public JourneyAttributionCalculator(IEnumerable<IAttributionModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var byKind = new Dictionary<AttributionModel, IAttributionModel>();
        foreach (IAttributionModel model in models)
        {
            ArgumentNullException.ThrowIfNull(model, nameof(models));
            byKind.TryAdd(model.Kind, model);
        }

        _models = byKind.ToFrozenDictionary();
    }

    /// <summary>Gets the built-in models, one of each kind.</summary>
    public static IReadOnlyList<IAttributionModel> BuiltInModels { get; } = ImmutableArray.Create<IAttributionModel>(
        new FirstTouchModel(), new LastTouchModel(), new LinearModel(), new TimeDecayModel(), new PositionBasedModel(), new MarkovChainModel(), new ShapleyModel());

    /// <summary>Attributes the movements of a ledger (every customer movement of every grid period).</summary>
    /// <param name="framework">The journey framework.</param>
    /// <param name="ledger">The ledger; its customers are the known customers, so an event for another customer is an error.</param>
    /// <param name="events">The experience events, in any order.</param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <returns>The attribution.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="CxValidationException">The options or some events are invalid; every failure is reported with its code.</exception>
    /// <exception cref="InvalidOperationException">No model of the kind chosen is registered, or a custom model gave an invalid weight.</exception>
    public AttributionResult Calculate(JourneyFramework framework, AssetLedger ledger, IEnumerable<ExperienceEvent> events, AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(events);
        IReadOnlyList<CustomerMovement> movements = new AssetMovementCalculator().CustomerMovements(ledger);
        IReadOnlyList<CustomerId> known = ledger.Customers;
        return Calculate(framework, options, ledger.Unit, ledger.Grid, run => run.Execute(movements, events, known));
    }

    /// <summary>Attributes a list of customer movements.</summary>
    /// <param name="framework">The journey framework.</param>
    /// <param name="movements">The movements, as from <see cref="AssetMovementCalculator.CustomerMovements"/>; at most one per customer and period.</param>
    /// <param name="events">The experience events, in any order.</param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <param name="knownCustomers">The customers events may name, or null to accept any (customers without movements then form null paths).</param>
    /// <returns>The attribution.</returns>
    /// <exception cref="ArgumentNullException">A required argument, or a movement, is null.</exception>
    /// <exception cref="ArgumentException">The movements come from more than one period grid (two periods share an index), or
    /// span more than 2^20 periods.</exception>
    /// <exception cref="CxValidationException">The options, some events or the movements are invalid (CX0101, CX0302, CX0411,
    /// CX0412, CX0601 to CX0607); every failure is reported with the event's position and its code.</exception>
    /// <exception cref="InvalidOperationException">No model of the kind chosen is registered, or a custom model gave an invalid weight.</exception>
    public AttributionResult Calculate(
        JourneyFramework framework,
        IEnumerable<CustomerMovement> movements,
        IEnumerable<ExperienceEvent> events,
        AttributionOptions? options = null,
        IEnumerable<CustomerId>? knownCustomers = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(events);
        return Calculate(framework, options, unit: null, grid: null, run => run.Execute(movements, events, knownCustomers));
    }

    /// <summary>Attributes movements to events given in columns (customers and touchpoints as dense indexes): the fast path,
    /// with the same result as the object overload on the same data.</summary>
    /// <param name="framework">The journey framework; <see cref="AttributionColumns.EventTouchpoint"/> indexes its touchpoints.</param>
    /// <param name="columns">The customers, movements and events.</param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <returns>The attribution.</returns>
    /// <exception cref="ArgumentNullException">A required argument, or a movement, is null.</exception>
    /// <exception cref="ArgumentException">Two customers share an id, or a movement's customer index does not name its customer.</exception>
    /// <exception cref="CxValidationException">The options, some events or the movements are invalid (a customer or touchpoint
    /// index out of range is an unknown customer or touchpoint); every failure is reported with the row and its code.</exception>
    /// <exception cref="InvalidOperationException">No model of the kind chosen is registered, or a custom model gave an invalid weight.</exception>
    public AttributionResult Calculate(JourneyFramework framework, AttributionColumns columns, AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(columns);
        return Calculate(framework, options, unit: null, grid: null, run => run.ExecuteColumns(columns));
    }

    private AttributionResult Calculate(JourneyFramework framework, AttributionOptions? options, MeasureUnit? unit, PeriodGrid? grid, Func<Run, AttributionResult> execute)
    {
        options ??= new AttributionOptions();
        unit ??= options.Unit ?? AttributionResult.PlainUnits;
        new AttributionOptionsValidator().ValidateOrThrow(options, "attribution options");
        if (!_models.TryGetValue(options.Model, out IAttributionModel? model))
        {
            throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a registered model of kind {EnumText.Of(options.Model)}, got none. Registered: {EnumText.Join(_models.Keys.Order())}."));
        }

        try
        {
            return execute(new Run(framework, options, model, unit, grid));
        }
        catch (OverflowException)
        {
            var failures = new FailureCollector();
            failures.Add(null, "attribution", "Value", CxErrorCodes.ValueOverflow,
                "Expected attributed totals within 64-bit units, got an overflow. Check the movements for wrong amounts, or attribute a subset (for example by segment).");
            throw failures.ToException("attribution");
        }
    }

    private static readonly long SupportedStartTicks = SupportedRange.Start.ToUnixTimeTicks();

    private static readonly long SupportedEndTicks = SupportedRange.End.ToUnixTimeTicks();

    /// <summary>One calculation's state.</summary>
    private sealed class Run(JourneyFramework framework, AttributionOptions options, IAttributionModel model, MeasureUnit unit, PeriodGrid? grid)
    {
        private readonly int _touchpointCount = framework.Touchpoints.Count;
        private readonly int[] _stageOf = framework.Touchpoints.Select(t => framework.IndexOfStage(t.StageId)).ToArray();
        private readonly int[] _categoryOf = framework.Touchpoints.Select(t => (int)t.Category).ToArray();
        private readonly AttributionCounts _counts = new();

        // Customers, events (grouped by customer, in time order) and periods.
        private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
        private readonly List<CustomerId> _ids = [];
        private GridPeriod[] _periods = [];
        private long[] _windowStart = [];
        private long[] _windowEnd = [];
        private int[] _eventStart = [];
        private Touch[] _touches = [];
        private int _touchCount;
        private List<int> _movementHead = [];
        private List<int> _movementNext = [];

        public AttributionResult Execute(IEnumerable<CustomerMovement> movements, IEnumerable<ExperienceEvent> events, IEnumerable<CustomerId>? knownCustomers)
        {
            HashSet<string>? known = knownCustomers?.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            List<Counted> counted = ReadMovements(movements, ReadOnlySpan<int>.Empty, columnar: false);
            try
            {
                ReadEvents(events, known);
                return Attribute(counted, columnar: false);
            }
            finally
            {
                ReturnTouches();
            }
        }

        public AttributionResult ExecuteColumns(AttributionColumns columns)
        {
            // Dense customer indexes are the slots: no id is hashed.
            _ids.AddRange(columns.Customers);
            List<Counted> counted = ReadMovements(columns.Movements, columns.MovementCustomer.Span, columnar: true);
            try
            {
                ReadEventColumns(columns);
                return Attribute(counted, columnar: true);
            }
            finally
            {
                ReturnTouches();
            }
        }

        private void ReturnTouches()
        {
            if (_touches.Length > 0)
            {
                ArrayPool<Touch>.Shared.Return(_touches);
                _touches = [];
            }
        }

        private AttributionResult Attribute(List<Counted> counted, bool columnar)
        {
            CountOutsideEveryWindow();
            int[] rank = RankCustomers(checkDistinct: columnar);
            // Each customer's movements as a linked list (at most one per period; usually one or none in all).
            int[] movementHead = new int[_ids.Count];
            Array.Fill(movementHead, -1);
            CollectionsMarshal.AsSpan(_movementHead).CopyTo(movementHead);
            int[] movementNext = [.. _movementNext];

            var totals = new Totals(_touchpointCount, framework.Stages.Count, _periods.Length);
            var credits = new List<(int Period, int Rank, AttributionDirection Direction, MovementCredit Credit)>();
            var scores = new List<PlayerScore>();
            foreach (AttributionDirection direction in (ReadOnlySpan<AttributionDirection>)[AttributionDirection.Gains, AttributionDirection.Losses])
            {
                (AttributionPathSet paths, int[] movementOfPath, int[] periodOfPath) = BuildPaths(direction, counted, movementHead, movementNext, rank);
                if (direction == AttributionDirection.Gains)
                {
                    _counts.GainNullPaths = paths.NullPathCount;
                }
                else
                {
                    _counts.LossNullPaths = paths.NullPathCount;
                }

                try
                {
                    AttributionModelFit fit = model.Fit(paths, options);
                    scores.AddRange(fit.Scores);
                    Allocate(direction, paths, fit, movementOfPath, periodOfPath, counted, rank, totals, credits);
                }
                finally
                {
                    paths.Release();
                    ArrayPool<int>.Shared.Return(movementOfPath);
                    ArrayPool<int>.Shared.Return(periodOfPath);
                }
            }

            return Assemble(totals, credits, scores);
        }

        /// <summary>Whether a customer already has a counted movement in a period (its list holds one per period at most).</summary>
        private bool HasMovement(List<Counted> counted, int slot, int period)
        {
            for (int m = _movementHead[slot]; m >= 0; m = _movementNext[m])
            {
                if (counted[m].Period == period)
                {
                    return true;
                }
            }

            return false;
        }

        private int SlotOf(CustomerId customer)
        {
            // Keyed by the id's text: string keys with the ordinal comparer get the runtime's fast non-randomised hashing.
            if (!_slots.TryGetValue(customer.Value, out int slot))
            {
                slot = _ids.Count;
                _slots.Add(customer.Value, slot);
                _ids.Add(customer);
            }

            return slot;
        }

        private List<Counted> ReadMovements(IEnumerable<CustomerMovement> movements, ReadOnlySpan<int> movementCustomer, bool columnar)
        {
            var periods = new Dictionary<int, GridPeriod>();
            var all = new List<CustomerMovement>();
            foreach (CustomerMovement movement in movements)
            {
                if (movement is null)
                {
                    throw new ArgumentNullException(nameof(movements), "Expected customer movements, got a null entry.");
                }

                all.Add(movement);
                if (periods.TryGetValue(movement.Period.Index, out GridPeriod? seen) && !ReferenceEquals(seen, movement.Period) && seen != movement.Period)
                {
                    throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected the movements of one period grid, got two periods with index {movement.Period.Index}: {seen} and {movement.Period}."), nameof(movements));
                }

                periods[movement.Period.Index] = movement.Period;
            }

            _periods = periods.Values.OrderBy(p => p.Index).ToArray();
            if (_periods.Length > 1 << 20)
            {
                throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected at most {1 << 20} periods, got {_periods.Length}."), nameof(movements));
            }

            var position = _periods.Select((p, i) => (p.Index, i)).ToDictionary(x => x.Index, x => x.i);
            _windowStart = new long[_periods.Length];
            _windowEnd = new long[_periods.Length];
            for (int i = 0; i < _periods.Length; i++)
            {
                (Instant start, Instant end) = Window(_periods[i]);
                _windowStart[i] = start.ToUnixTimeTicks();
                _windowEnd[i] = end.ToUnixTimeTicks();
            }

            HashSet<MovementClass> classes = options.Movements.ToHashSet();
            _slots.EnsureCapacity(all.Count);
            var counted = new List<Counted>();
            _movementHead = new List<int>(Math.Max(_ids.Count, all.Count));
            _movementNext = new List<int>(all.Count);
            var failures = new FailureCollector();
            for (int i = 0; i < all.Count; i++)
            {
                CustomerMovement m = all[i];
                AttributionDirection direction = m.IsGain ? AttributionDirection.Gains : m.IsLoss ? AttributionDirection.Losses : AttributionDirection.None;
                if (direction == AttributionDirection.None || !classes.Contains(m.Class))
                {
                    _counts.ExcludedMovements++;
                    continue;
                }

                int slot = columnar ? ColumnSlot(movementCustomer[i], m, nameof(movements)) : SlotOf(m.Customer);
                int period = position[m.Period.Index];
                while (_movementHead.Count <= slot)
                {
                    _movementHead.Add(-1);
                }

                if (HasMovement(counted, slot, period))
                {
                    failures.Add(i, "customer movement", "Customer", CxErrorCodes.AttributionMovementInvalid,
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected at most one movement per customer and period, got a second one for customer '{m.Customer}' in {m.Period}. Pass each customer's movements once."));
                    continue;
                }

                long value = direction == AttributionDirection.Gains ? m.ValueDelta : -m.ValueDelta;
                if (value < 0)
                {
                    failures.Add(i, "customer movement", "Value", CxErrorCodes.AttributionMovementInvalid,
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a {EnumText.Of(m.Class)} movement to {(direction == AttributionDirection.Gains ? "increase" : "decrease")} the value, got {m.PreviousValue} to {m.CurrentValue} for customer '{m.Customer}' in {m.Period}."));
                    continue;
                }

                _movementNext.Add(_movementHead[slot]);
                _movementHead[slot] = counted.Count;
                counted.Add(new Counted(m, slot, period, direction, value));
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
            return counted;
        }

        private int ColumnSlot(int customer, CustomerMovement movement, string parameter) =>
            customer >= 0 && customer < _ids.Count && _ids[customer].Equals(movement.Customer)
                ? customer
                : throw new ArgumentException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected the customer index of each movement to name its customer, got {customer} for a movement of customer '{movement.Customer}' in {movement.Period}."),
                    parameter);

        private void ReadEventColumns(AttributionColumns columns)
        {
            ReadOnlySpan<int> customerColumn = columns.EventCustomer.Span;
            ReadOnlySpan<int> touchpointColumn = columns.EventTouchpoint.Span;
            ReadOnlySpan<long> ticksColumn = columns.EventUnixTicks.Span;
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
                        string.Create(CultureInfo.InvariantCulture, $"Expected a touchpoint index of journey '{framework.Name}' from 0 to {_touchpointCount - 1}, got {t}. Add it to the framework or correct the event."));
                }

                if (outcomeColumn[i] is not (ExperienceOutcome.Unknown or ExperienceOutcome.Reliable or ExperienceOutcome.Unreliable))
                {
                    failures.Add(i, "experience event", nameof(ExperienceEvent.Outcome), CxErrorCodes.EventInvalid, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an outcome of Reliable, Unreliable or Unknown, got {EnumText.Of(outcomeColumn[i])}."));
                }

                long ticks = ticksColumn[i];
                if (ticks < SupportedStartTicks || ticks >= SupportedEndTicks)
                {
                    failures.Add(i, "experience event", nameof(ExperienceEvent.At), CxErrorCodes.TimeOutOfRange, string.Create(CultureInfo.InvariantCulture,
                        $"Expected an instant from {TimeRangeText.InstantRange} (the supported range), as Unix ticks {SupportedStartTicks} to {SupportedEndTicks - 1}, got {ticks}."));
                }
            }

            failures.ThrowIfAny("experience events");
            _counts.Events = n;
            int[] slots = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            Touch[] raw = ArrayPool<Touch>.Shared.Rent(Math.Max(1, n));
            try
            {
                customerColumn.CopyTo(slots);
                for (int i = 0; i < n; i++)
                {
                    raw[i] = new Touch(ticksColumn[i], touchpointColumn[i], outcomeColumn[i]);
                }

                GroupTouches(slots, raw, n);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(slots);
                ArrayPool<Touch>.Shared.Return(raw);
            }
        }

        private (Instant Start, Instant End) Window(GridPeriod period)
        {
            DateTimeZone zone = options.TimeZone;
            LocalDate endDate = period.End.PlusDays(1);
            Instant end = zone.AtStartOfDay(endDate).ToInstant();
            LocalDateTime startLocal = endDate.AtMidnight() - options.Lookback;
            Instant start = startLocal.TimeOfDay == LocalTime.Midnight
                ? zone.AtStartOfDay(startLocal.Date).ToInstant()
                : zone.AtLeniently(startLocal).ToInstant();
            return (start, end);
        }

        private void ReadEvents(IEnumerable<ExperienceEvent> events, HashSet<string>? known)
        {
            var failures = new FailureCollector();
            int capacity = events.TryGetNonEnumeratedCount(out int eventCount) ? Math.Max(1, eventCount) : 1024;
            int[] slots = ArrayPool<int>.Shared.Rent(capacity);
            Touch[] raw = ArrayPool<Touch>.Shared.Rent(capacity);
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
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a customer of the ledger, got '{e.Customer}'. Correct the event's customer id, or add the customer's revenue."));
                    ok = false;
                }

                int cacheSlot = e.TouchpointId is null ? 0 : RuntimeHelpers.GetHashCode(e.TouchpointId) & 255;
                int touchpoint = e.TouchpointId is not null && ReferenceEquals(e.TouchpointId, cachedIds[cacheSlot])
                    ? cachedIndexes[cacheSlot]
                    : framework.IndexOfTouchpoint(e.TouchpointId);
                if (touchpoint < 0)
                {
                    failures.Add(position, "experience event", nameof(ExperienceEvent.TouchpointId), CxErrorCodes.EventUnknownTouchpoint,
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a touchpoint of journey '{framework.Name}', got '{e.TouchpointId}'. Add it to the framework or correct the event."));
                    ok = false;
                }
                else
                {
                    cachedIds[cacheSlot] = e.TouchpointId;
                    cachedIndexes[cacheSlot] = touchpoint;
                }

                if (e.Outcome is not (ExperienceOutcome.Unknown or ExperienceOutcome.Reliable or ExperienceOutcome.Unreliable))
                {
                    failures.Add(position, "experience event", nameof(ExperienceEvent.Outcome), CxErrorCodes.EventInvalid, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an outcome of Reliable, Unreliable or Unknown, got {EnumText.Of(e.Outcome)}."));
                    ok = false;
                }

                if (e.Channel is not null && string.IsNullOrWhiteSpace(e.Channel))
                {
                    failures.Add(position, "experience event", nameof(ExperienceEvent.Channel), CxErrorCodes.EventInvalid, "Expected a channel name or none, got a blank one.");
                    ok = false;
                }

                if (!SupportedRange.Contains(e.At))
                {
                    failures.Add(position, "experience event", nameof(ExperienceEvent.At), CxErrorCodes.TimeOutOfRange, TimeRangeText.InstantMessage(e.At, "an event's instant"));
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
                    raw[accepted] = new Touch(e.At.ToUnixTimeTicks(), touchpoint, e.Outcome);
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
                GroupTouches(slots, raw, accepted);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(slots);
                ArrayPool<Touch>.Shared.Return(raw);
            }
        }

        /// <summary>Replaces a pooled buffer by a larger one (at least <paramref name="needed"/>, at least twice the used
        /// part), keeping the used part.</summary>
        private static void Grow<T>(ref T[] pooled, int used, int needed)
        {
            T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, used * 2));
            pooled.AsSpan(0, used).CopyTo(larger);
            ArrayPool<T>.Shared.Return(pooled);
            pooled = larger;
        }

        /// <summary>Groups the accepted touches by customer (counting sort into a pooled array), then orders each customer's
        /// touches by instant and journey order.</summary>
        private void GroupTouches(int[] slots, Touch[] raw, int accepted)
        {
            int customers = _ids.Count;
            _eventStart = new int[customers + 1];
            for (int i = 0; i < accepted; i++)
            {
                _eventStart[slots[i] + 1]++;
            }

            for (int c = 0; c < customers; c++)
            {
                _eventStart[c + 1] += _eventStart[c];
            }

            int[] next = _eventStart[..customers];
            _touchCount = accepted;
            _touches = accepted == 0 ? [] : ArrayPool<Touch>.Shared.Rent(accepted);
            for (int i = 0; i < accepted; i++)
            {
                _touches[next[slots[i]]++] = raw[i];
            }

            for (int c = 0; c < customers; c++)
            {
                SortTouches(_touches.AsSpan(_eventStart[c], _eventStart[c + 1] - _eventStart[c]));
            }
        }

        /// <summary>Orders one customer's touches by instant, touchpoint (journey order), then outcome: insertion sort for
        /// the usual handful, the library sort beyond.</summary>
        private static void SortTouches(Span<Touch> touches)
        {
            if (touches.Length > 32)
            {
                touches.Sort(static (a, b) => Compare(a, b));
                return;
            }

            for (int i = 1; i < touches.Length; i++)
            {
                Touch current = touches[i];
                int j = i - 1;
                while (j >= 0 && Compare(touches[j], current) > 0)
                {
                    touches[j + 1] = touches[j];
                    j--;
                }

                touches[j + 1] = current;
            }
        }

        private static int Compare(Touch a, Touch b)
        {
            int byTime = a.Ticks.CompareTo(b.Ticks);
            return byTime != 0 ? byTime : a.Touchpoint != b.Touchpoint ? a.Touchpoint.CompareTo(b.Touchpoint) : a.Outcome.CompareTo(b.Outcome);
        }

        private void CountOutsideEveryWindow()
        {
            // The union of the windows as sorted, disjoint intervals.
            var union = new List<(long Start, long End)>();
            foreach ((long start, long end) in _windowStart.Zip(_windowEnd).OrderBy(w => w.First))
            {
                if (union.Count > 0 && start <= union[^1].End)
                {
                    union[^1] = (union[^1].Start, Math.Max(union[^1].End, end));
                }
                else
                {
                    union.Add((start, end));
                }
            }

            long[] starts = union.Select(u => u.Start).ToArray();
            long outside = 0;
            foreach (Touch touch in _touches.AsSpan(0, _touchCount))
            {
                int i = Array.BinarySearch(starts, touch.Ticks);
                i = i >= 0 ? i : ~i - 1;
                if (i < 0 || touch.Ticks >= union[i].End)
                {
                    outside++;
                }
            }

            _counts.OutsideEveryWindow = outside;
        }

        /// <summary>The slots in ordinal order of the customer ids. Slots are handed out in input order (movements, then
        /// events), which is usually a few ascending runs: a natural merge sort costs O(n log runs), O(n) for sorted input.</summary>
        private int[] RankCustomers(bool checkDistinct)
        {
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

        private (AttributionPathSet Paths, int[] MovementOfPath, int[] PeriodOfPath) BuildPaths(
            AttributionDirection direction, List<Counted> counted, int[] movementHead, int[] movementNext, int[] order)
        {
            TouchFilter filter = options.FilterOf(direction);
            int expectedPaths = Math.Max(16, _ids.Count);
            int[] starts = ArrayPool<int>.Shared.Rent(expectedPaths + 1);
            int[] touchpoints = ArrayPool<int>.Shared.Rent(Math.Max(16, _touchCount));
            long[] ages = ArrayPool<long>.Shared.Rent(touchpoints.Length);
            bool[] converting = ArrayPool<bool>.Shared.Rent(expectedPaths);
            int[] movementOfPath = ArrayPool<int>.Shared.Rent(expectedPaths);
            int[] periodOfPath = ArrayPool<int>.Shared.Rent(expectedPaths);
            starts[0] = 0;
            int pathCount = 0;
            int touchCount = 0;
            Touch[] all = _touches;
            for (int p = 0; p < _periods.Length; p++)
            {
                long windowStart = _windowStart[p];
                long windowEnd = _windowEnd[p];
                foreach (int c in order)
                {
                    int movement = -1;
                    for (int m = movementHead[c]; m >= 0; m = movementNext[m])
                    {
                        if (counted[m].Period == p)
                        {
                            movement = counted[m].Direction == direction ? m : -1;
                            break;
                        }
                    }

                    int from = LowerBound(c, windowStart);
                    int to = LowerBound(c, windowEnd);
                    int before = touchCount;
                    if (touchCount + (to - from) > touchpoints.Length)
                    {
                        Grow(ref touchpoints, touchCount, touchCount + (to - from));
                        Grow(ref ages, touchCount, touchpoints.Length);
                    }

                    for (int e = from; e < to; e++)
                    {
                        Touch touch = all[e];
                        if (filter == TouchFilter.All
                            || (filter == TouchFilter.UnreliableOnly && touch.Outcome == ExperienceOutcome.Unreliable)
                            || (filter == TouchFilter.ReliableOnly && touch.Outcome == ExperienceOutcome.Reliable))
                        {
                            touchpoints[touchCount] = touch.Touchpoint;
                            ages[touchCount] = windowEnd - touch.Ticks;
                            touchCount++;
                        }
                    }

                    if (movement < 0 && touchCount == before)
                    {
                        continue;
                    }

                    if (pathCount == converting.Length || pathCount + 1 == starts.Length)
                    {
                        Grow(ref converting, pathCount, pathCount + 1);
                        Grow(ref movementOfPath, pathCount, pathCount + 1);
                        Grow(ref periodOfPath, pathCount, pathCount + 1);
                        Grow(ref starts, pathCount + 1, pathCount + 2);
                    }

                    converting[pathCount] = movement >= 0;
                    movementOfPath[pathCount] = movement;
                    periodOfPath[pathCount] = p;
                    pathCount++;
                    starts[pathCount] = touchCount;
                }
            }

            var set = new AttributionPathSet(framework, direction, starts, touchpoints, ages, converting, pathCount);
            return (set, movementOfPath, periodOfPath);
        }

        private int LowerBound(int customer, long ticks)
        {
            int lo = _eventStart[customer];
            int hi = _eventStart[customer + 1];
            while (lo < hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                if (_touches[mid].Ticks < ticks)
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

        private void Allocate(
            AttributionDirection direction,
            AttributionPathSet paths,
            AttributionModelFit fit,
            int[] movementOfPath,
            int[] periodOfPath,
            List<Counted> counted,
            int[] order,
            Totals totals,
            List<(int Period, int Rank, AttributionDirection Direction, MovementCredit Credit)> credits)
        {
            int[] rankOf = new int[order.Length];
            for (int i = 0; i < order.Length; i++)
            {
                rankOf[order[i]] = i;
            }

            bool losses = direction == AttributionDirection.Losses;
            double[] touchpointWeight = new double[_touchpointCount];
            int[] stageSeen = new int[framework.Stages.Count];
            int[] categorySeen = new int[5];
            int stamp = 0;
            var distinct = new List<int>();
            double[] weights = new double[16];
            double[] shares = new double[16];
            long[] parts = new long[16];
            long[] units = new long[16];
            long[] remainders = new long[16];
            for (int p = 0; p < paths.PathCount; p++)
            {
                int movement = movementOfPath[p];
                if (movement < 0)
                {
                    continue;
                }

                Counted m = counted[movement];
                int period = periodOfPath[p];
                ReadOnlySpan<int> path = paths.Touchpoints(p);
                if (path.IsEmpty)
                {
                    totals.Unattributed(losses, period, m.Value);
                    if (options.IncludeMovementCredits)
                    {
                        credits.Add((period, rankOf[m.Slot], direction, new MovementCredit(m.Movement, direction, m.Value, [])));
                    }

                    continue;
                }

                if (weights.Length < path.Length)
                {
                    weights = new double[path.Length * 2];
                }

                Span<double> w = weights.AsSpan(0, path.Length);
                fit.Weigh(path, paths.AgeTicks(p), w);
                distinct.Clear();
                double sum = 0;
                for (int i = 0; i < path.Length; i++)
                {
                    if (!double.IsFinite(w[i]) || w[i] < 0)
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                            $"Expected finite, non-negative weights from the {EnumText.Of(options.Model)} model, got {w[i]} for touchpoint '{framework.Touchpoints[path[i]].Id}'."));
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
                    _counts.Fallbacks++;
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
                if (shares.Length < n)
                {
                    shares = new double[n * 2];
                    parts = new long[n * 2];
                    units = new long[n * 2];
                    remainders = new long[n * 2];
                }

                for (int j = 0; j < n; j++)
                {
                    shares[j] = touchpointWeight[distinctSpan[j]];
                }

                LargestRemainder.Allocate(m.Value, shares.AsSpan(0, n), parts.AsSpan(0, n), units.AsSpan(0, n), remainders.AsSpan(0, n));
                stamp++;
                TouchpointShare[]? list = options.IncludeMovementCredits ? new TouchpointShare[n] : null;
                for (int j = 0; j < n; j++)
                {
                    int t = distinctSpan[j];
                    bool credited = shares[j] > 0;
                    int stage = _stageOf[t];
                    int category = _categoryOf[t];
                    totals.Credit(losses, period, t, stage, parts[j], credited);
                    if (credited && stageSeen[stage] != stamp)
                    {
                        stageSeen[stage] = stamp;
                        totals.CountStage(losses, period, stage);
                    }

                    if (credited && categorySeen[category] != stamp)
                    {
                        categorySeen[category] = stamp;
                        totals.CountCategory(losses, category);
                    }

                    if (list is not null)
                    {
                        list[j] = new TouchpointShare(framework.Touchpoints[t].Id, framework.Stages[stage].Id, shares[j] / sum, parts[j]);
                    }

                    touchpointWeight[t] = 0;
                }

                if (list is not null)
                {
                    credits.Add((period, rankOf[m.Slot], direction, new MovementCredit(m.Movement, direction, m.Value, list)));
                }
            }
        }

        private AttributionResult Assemble(Totals totals, List<(int Period, int Rank, AttributionDirection Direction, MovementCredit Credit)> credits, List<PlayerScore> scores)
        {
            IReadOnlyList<Touchpoint> tps = framework.Touchpoints;
            IReadOnlyList<JourneyStage> stages = framework.Stages;
            var touchpointCredits = ImmutableArray.CreateRange(tps.Select((t, i) =>
                new TouchpointCredit(t, totals.TouchpointValue[0][i], totals.TouchpointCount[0][i], totals.TouchpointValue[1][i], totals.TouchpointCount[1][i], unit)));

            StageCredit Stage(int s, int period)
            {
                long earned = 0, lost = 0;
                for (int p = period < 0 ? 0 : period; p < (period < 0 ? _periods.Length : period + 1); p++)
                {
                    earned += totals.StageValue[0][(p * stages.Count) + s];
                    lost += totals.StageValue[1][(p * stages.Count) + s];
                }

                long gains = 0, losses = 0;
                for (int p = period < 0 ? 0 : period; p < (period < 0 ? _periods.Length : period + 1); p++)
                {
                    gains += totals.StageCount[0][(p * stages.Count) + s];
                    losses += totals.StageCount[1][(p * stages.Count) + s];
                }

                return new StageCredit(stages[s], earned, gains, lost, losses, unit);
            }

            var stageCredits = ImmutableArray.CreateRange(Enumerable.Range(0, stages.Count).Select(s => Stage(s, -1)));
            var categoryCredits = ImmutableArray.CreateRange(Enum.GetValues<TouchpointCategory>().Where(c => c != TouchpointCategory.Unknown).Select(c =>
            {
                int k = (int)c;
                long earned = 0, lost = 0;
                for (int t = 0; t < tps.Count; t++)
                {
                    if (tps[t].Category == c)
                    {
                        earned += totals.TouchpointValue[0][t];
                        lost += totals.TouchpointValue[1][t];
                    }
                }

                return new CategoryCredit(c, earned, totals.CategoryCount[0][k], lost, totals.CategoryCount[1][k], unit);
            }));
            var unattributed = new UnattributedCredit(totals.UnattributedValue[0].Sum(), totals.UnattributedCount[0].Sum(), totals.UnattributedValue[1].Sum(), totals.UnattributedCount[1].Sum(), unit);
            var bridge = ImmutableArray.CreateRange(_periods.Select((period, p) => new StageBridgePeriod(
                period,
                ImmutableArray.CreateRange(Enumerable.Range(0, stages.Count).Select(s => Stage(s, p))),
                new UnattributedCredit(totals.UnattributedValue[0][p], totals.UnattributedCount[0][p], totals.UnattributedValue[1][p], totals.UnattributedCount[1][p], unit))));
            var movementCredits = ImmutableArray.CreateRange(credits.OrderBy(c => c.Period).ThenBy(c => c.Rank).ThenBy(c => c.Direction).Select(c => c.Credit));
            return new AttributionResult(framework, options, unit, grid, touchpointCredits, stageCredits, categoryCredits, unattributed, bridge, movementCredits, scores.ToImmutableArray(), _counts);
        }
    }

    private readonly record struct Counted(CustomerMovement Movement, int Slot, int Period, AttributionDirection Direction, long Value);

    private readonly record struct Touch(long Ticks, int Touchpoint, ExperienceOutcome Outcome);

    /// <summary>The running sums of one calculation: index 0 gains, 1 losses.</summary>
    private sealed class Totals(int touchpoints, int stages, int periods)
    {
        public long[][] TouchpointValue { get; } = [new long[touchpoints], new long[touchpoints]];

        public long[][] TouchpointCount { get; } = [new long[touchpoints], new long[touchpoints]];

        public long[][] StageValue { get; } = [new long[stages * periods], new long[stages * periods]];

        public long[][] StageCount { get; } = [new long[stages * periods], new long[stages * periods]];

        public long[][] CategoryCount { get; } = [new long[5], new long[5]];

        public long[][] UnattributedValue { get; } = [new long[periods], new long[periods]];

        public long[][] UnattributedCount { get; } = [new long[periods], new long[periods]];

        public void Unattributed(bool losses, int period, long value)
        {
            int d = losses ? 1 : 0;
            UnattributedValue[d][period] += value;
            UnattributedCount[d][period]++;
        }

        public void Credit(bool losses, int period, int touchpoint, int stage, long value, bool credited)
        {
            int d = losses ? 1 : 0;
            TouchpointValue[d][touchpoint] += value;
            StageValue[d][(period * stages) + stage] += value;
            if (credited)
            {
                TouchpointCount[d][touchpoint]++;
            }
        }

        public void CountStage(bool losses, int period, int stage) => StageCount[losses ? 1 : 0][(period * stages) + stage]++;

        public void CountCategory(bool losses, int category) => CategoryCount[losses ? 1 : 0][category]++;
    }
}
