using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>Evaluates reliability standards on their measurements: status as of an instant, the history window by window,
/// burn-rate alerts, drift signals, partial counts that merge, and backtests of the early warnings.</summary>
/// <remarks>
/// <para>Pure and thread-safe (register it as a singleton): time is passed in, nothing is read from a clock. Evaluation as
/// of <c>t</c> uses only events at or before <c>t</c>, and the result does not depend on the order of the measurements.</para>
/// <para>Bad input is reported, never dropped: NaN or infinite values (CX0512), unknown subjects (CX0513), aggregates for
/// event standards or repeated periods (CX0517), no measurements at all (CX0516), burn-rate rules longer than a standard's
/// window (CX0515), invalid drift settings (CX0514); every failure is listed with the record's position.</para>
/// <para>Two speeds, one semantics: <see cref="Evaluate(ReliabilityStandardSet, IEnumerable{ReliabilityMeasurement}, Instant, IEnumerable{PeriodAggregate})"/>
/// takes records; <see cref="Evaluate(ReliabilityStandardSet, ReadOnlySpan{int}, ReadOnlySpan{Instant}, ReadOnlySpan{double}, Instant)"/>
/// takes columns and works in pooled buffers, sorting only the standards whose events are out of time order.
/// Instants are compared at 100-nanosecond resolution.</para>
/// </remarks>
public sealed partial class ReliabilityEvaluator
{
    private const int MaxBacktestSteps = 200_000;
    private readonly ReliabilityEvaluationOptions _options;

    /// <summary>Initializes an evaluator.</summary>
    /// <param name="options">The settings; the defaults when null.</param>
    /// <exception cref="CxValidationException">The settings are invalid (CX0514 drift settings, CX0302 an undefined run-rule
    /// set or a count below 1).</exception>
    public ReliabilityEvaluator(ReliabilityEvaluationOptions? options = null)
    {
        _options = Snapshot(options ?? new ReliabilityEvaluationOptions());
        var failures = new FailureCollector();
        Collect(failures, "Ewma", new EwmaOptionsValidator().Validate(_options.Ewma ?? new EwmaOptions()));
        Collect(failures, "Cusum", new CusumOptionsValidator().Validate(_options.Cusum ?? new CusumOptions()));
        if (_options.Ewma is null || _options.Cusum is null)
        {
            failures.Add(null, "reliability options", "Ewma/Cusum", CxErrorCodes.DriftSettingsInvalid, "Expected EWMA and CUSUM settings, got null. Leave the defaults or assign new EwmaOptions/CusumOptions.");
        }

        if (!Enum.IsDefined(_options.RunRules))
        {
            failures.Add(null, "reliability options", "RunRules", CxErrorCodes.PolicyInvalid, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected None, WesternElectric or Nelson, got {EnumText.Of(_options.RunRules)}."));
        }

        if (_options.MinimumEventsInLongWindow < 1 || _options.RollingHistoryCount < 1 || _options.RollingHistoryCount > 10_000)
        {
            failures.Add(null, "reliability options", "MinimumEventsInLongWindow/RollingHistoryCount", CxErrorCodes.PolicyInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected an alert evidence gate of at least 1 and a rolling history of 1 to 10000 windows, got {_options.MinimumEventsInLongWindow} and {_options.RollingHistoryCount}."));
        }

        if (_options.DriftMemory is { } memory && memory <= Duration.Zero || _options.BacktestStep is { } step && step <= Duration.Zero)
        {
            failures.Add(null, "reliability options", "DriftMemory/BacktestStep", CxErrorCodes.PolicyInvalid, "Expected a positive drift memory and backtest step, or none for the defaults.");
        }

        if (_options.DriftMemory is { } longMemory && longMemory > SupportedRange.MaxDuration)
        {
            failures.Add(null, "reliability options", "DriftMemory", CxErrorCodes.DurationOutOfRange, TimeRangeText.DurationMessage(longMemory, "a drift memory"));
        }

        if (_options.BacktestStep is { } longStep && longStep > SupportedRange.MaxDuration)
        {
            failures.Add(null, "reliability options", "BacktestStep", CxErrorCodes.DurationOutOfRange, TimeRangeText.DurationMessage(longStep, "a backtest step"));
        }

        failures.ThrowIfAny("reliability options");
    }

    /// <summary>Returns the burn-rate rules used for a standard: the configured policy, or the SRE workbook's rules derived from
    /// the standard's window.</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standard"/> is null.</exception>
    public BurnRatePolicy PolicyFor(ReliabilityStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return _options.BurnRatePolicy ?? BurnRatePolicy.Derive(standard.Window.NominalLength);
    }

    /// <summary>Evaluates every standard as of an instant.</summary>
    /// <param name="standards">The standards.</param>
    /// <param name="measurements">The event measurements, in any order.</param>
    /// <param name="asOf">The evaluation instant; later events are ignored (and counted).</param>
    /// <param name="aggregates">The periodic aggregates, or null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standards"/> or <paramref name="measurements"/> is null.</exception>
    /// <exception cref="CxValidationException">The input is invalid; every failure is listed.</exception>
    public ReliabilityReport Evaluate(ReliabilityStandardSet standards, IEnumerable<ReliabilityMeasurement> measurements, Instant asOf, IEnumerable<PeriodAggregate>? aggregates = null)
    {
        using Loaded loaded = Load(standards, measurements, aggregates);
        return Report(loaded, asOf);
    }

    /// <summary>Evaluates every standard as of an instant from columns of events (the fast path; same results as the record path).</summary>
    /// <param name="standards">The standards.</param>
    /// <param name="standardIndices">Each event's standard, as an index into <see cref="ReliabilityStandardSet.Standards"/>.</param>
    /// <param name="at">Each event's instant.</param>
    /// <param name="values">Each event's value, finite.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standards"/> is null.</exception>
    /// <exception cref="CxValidationException">Columns of different lengths, no events, an index outside the set, a standard
    /// judged on aggregates, or a NaN or infinite value; every failure is listed with its row.</exception>
    public ReliabilityReport Evaluate(ReliabilityStandardSet standards, ReadOnlySpan<int> standardIndices, ReadOnlySpan<Instant> at, ReadOnlySpan<double> values, Instant asOf)
    {
        using Loaded loaded = LoadColumns(standards, standardIndices, at, values);
        return Report(loaded, asOf);
    }

    /// <summary>Counts a part of the measurements as of an instant; partial counts of disjoint parts merge into the counts of
    /// the whole (<see cref="ReliabilityPartial.Merge"/>).</summary>
    /// <param name="standards">The standards.</param>
    /// <param name="measurements">This part's measurements; may be empty.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <returns>The partial counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standards"/> or <paramref name="measurements"/> is null.</exception>
    /// <exception cref="CxValidationException">A measurement is invalid.</exception>
    public ReliabilityPartial CountPartial(ReliabilityStandardSet standards, IEnumerable<ReliabilityMeasurement> measurements, Instant asOf)
    {
        using Loaded loaded = Load(standards, measurements, null, allowEmpty: true);
        RequireSupported(asOf, "AsOf", "evaluation instant");
        StandardCounts[] counts = Counts(loaded, asOf);
        return new ReliabilityPartial(standards, asOf, _options, counts);
    }

    /// <summary>Backtests the early warnings over a history: judges every standard at regular instants, as
    /// <see cref="Evaluate(ReliabilityStandardSet, IEnumerable{ReliabilityMeasurement}, Instant, IEnumerable{PeriodAggregate})"/>
    /// would as of each, and lists every warning and breach onset with the lead time of each breach.</summary>
    /// <param name="standards">The standards.</param>
    /// <param name="measurements">The event measurements, in any order.</param>
    /// <param name="from">The first instant to judge; the first event's when null.</param>
    /// <param name="to">The last instant to judge; the last event's when null.</param>
    /// <param name="aggregates">The periodic aggregates, or null.</param>
    /// <returns>The backtest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standards"/> or <paramref name="measurements"/> is null.</exception>
    /// <exception cref="CxValidationException">The input is invalid, or <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public ReliabilityBacktest Backtest(ReliabilityStandardSet standards, IEnumerable<ReliabilityMeasurement> measurements, Instant? from = null, Instant? to = null, IEnumerable<PeriodAggregate>? aggregates = null) =>
        Backtest(standards, measurements, from, to, aggregates, CancellationToken.None, progress: null);

    private ReliabilityBacktest Backtest(ReliabilityStandardSet standards, IEnumerable<ReliabilityMeasurement> measurements, Instant? from, Instant? to, IEnumerable<PeriodAggregate>? aggregates, CancellationToken cancellationToken, IProgress<WorkProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        using Loaded loaded = Load(standards, Monitored.Wrap(measurements, "reading measurements", cancellationToken, progress), aggregates);
        long firstTick = long.MaxValue;
        long lastTick = long.MinValue;
        foreach (StandardSeries s in loaded.Series.Where(s => s.Count > 0))
        {
            firstTick = Math.Min(firstTick, s.TickAt(0));
            lastTick = Math.Max(lastTick, s.TickAt(s.Count - 1));
        }

        if (firstTick > lastTick)
        {
            // Only aggregates of other standards, or none: the backtest runs over the instants given.
            firstTick = lastTick = (from ?? to ?? SupportedRange.Start).ToUnixTimeTicks();
        }

        Instant start = from ?? Instant.FromUnixTimeTicks(firstTick);
        Instant end = to ?? Instant.FromUnixTimeTicks(lastTick);
        RequireSupported(start, "From", "backtest start");
        RequireSupported(end, "To", "backtest end");
        if (end < start)
        {
            var failures = new FailureCollector();
            failures.Add(null, "backtest", "To", CxErrorCodes.PolicyInvalid, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected the backtest to end at or after its start {start}, got {end}."));
            failures.ThrowIfAny("backtest");
        }

        var results = new StandardBacktest[standards.Count];
        for (int i = 0; i < standards.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results[i] = BacktestOne(loaded.Series[i], standards.Standards[i], start, end);
            progress?.Report(new WorkProgress("backtesting standards", i + 1, standards.Count));
        }

        return new ReliabilityBacktest(results);
    }

    private ReliabilityReport Report(Loaded loaded, Instant asOf)
    {
        RequireSupported(asOf, "AsOf", "evaluation instant");
        StandardCounts[] counts = Counts(loaded, asOf);
        var evaluations = new StandardEvaluation[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            DriftResult drift = ReliabilityEngine.Drift(loaded.Series[i], counts[i].Standard, asOf, _options);
            evaluations[i] = ReliabilityEngine.Build(counts[i], _options.DetectDrift ? drift : null, _options);
        }

        return new ReliabilityReport(asOf, evaluations, includesDrift: _options.DetectDrift);
    }

    private StandardCounts[] Counts(Loaded loaded, Instant asOf)
    {
        var counts = new StandardCounts[loaded.Standards.Count];
        for (int i = 0; i < counts.Length; i++)
        {
            ReliabilityStandard standard = loaded.Standards.Standards[i];
            counts[i] = new StandardCounts(standard, PolicyFor(standard), asOf, _options.RollingHistoryCount);
            counts[i].Add(loaded.Series[i]);
        }

        return counts;
    }

    private StandardBacktest BacktestOne(StandardSeries series, ReliabilityStandard standard, Instant from, Instant to)
    {
        BurnRatePolicy policy = PolicyFor(standard);
        Duration window = standard.Window.NominalLength;
        Duration step = _options.BacktestStep ?? policy.ShortestWindow;
        Duration span = to - from;
        if (span / step > MaxBacktestSteps)
        {
            step = Duration.FromTicks((long)Math.Ceiling(span.BclCompatibleTicks / (double)MaxBacktestSteps));
        }

        // Instants inside the supported range and durations of at most 100 years keep every sum below in 64-bit ticks.
        long stepTicks = Math.Max(1, step.BclCompatibleTicks);
        long toTicks = to.ToUnixTimeTicks();

        // Signals at value i depend only on values up to i, so one pass over the whole history serves every judged instant.
        DriftResult drift = ReliabilityEngine.Drift(series, standard, to, _options);
        Instant driftFrom = standard.ReferenceInterval?.End ?? Instant.MinValue;
        long memory = (_options.DriftMemory ?? policy.LongestWindow).BclCompatibleTicks;
        Instant[]? bounds = standard.Window.Kind == EvaluationWindowKind.Calendar ? standard.Window.CalendarBoundaries() : null;

        var warnings = new List<(Instant At, string Reason)>();
        var breaches = new List<(Instant At, string Label, Instant? Warned)>();
        StandardStatus previous = StandardStatus.Unknown;
        Instant lastBreachEnd = Instant.MinValue;
        for (long tick = from.ToUnixTimeTicks(); tick <= toTicks; tick += stepTicks)
        {
            Instant t = Instant.FromUnixTimeTicks(tick);
            int upTo = series.UpperBound(tick);
            long events;
            long bad;
            string label;
            bool hasWindow = true;
            if (bounds is not null)
            {
                int k = Array.BinarySearch(bounds, t);
                int period = k >= 0 ? k : ~k - 1;
                hasWindow = period >= 0 && period < bounds.Length - 1;
                (events, bad) = hasWindow ? StandardCounts.CalendarRange(series, bounds[period], bounds[period + 1], upTo) : (0, 0);
                label = hasWindow ? standard.Window.Grid![period].Label : "-";
            }
            else
            {
                (events, bad) = series.Rolling(TickMath.Minus(tick, standard.Window.Length), tick);
                label = string.Empty; // spelled out only at a breach's onset
            }

            bool breached = hasWindow && events >= standard.MinimumEvents && bad > standard.AllowedBadShare * events;
            int firingPair = -1;
            for (int p = 0; p < policy.Pairs.Count && firingPair < 0; p++)
            {
                BurnRateWindowPair pair = policy.Pairs[p];
                (long le, long lb) = series.Rolling(TickMath.Minus(tick, pair.LongWindow), tick);
                if (le >= _options.MinimumEventsInLongWindow && BurnRateAlert.Burn(le, lb, standard) > pair.Factor)
                {
                    (long se, long sb) = series.Rolling(TickMath.Minus(tick, pair.ShortWindow), tick);
                    firingPair = BurnRateAlert.Burn(se, sb, standard) > pair.Factor ? p : -1;
                }
            }

            bool drifting = firingPair < 0 && t >= driftFrom && drift.AdverseTicks.Length > 0 && ReliabilityEngine.DriftActiveFast(drift, tick, memory);
            StandardStatus status = breached ? StandardStatus.Breached : firingPair >= 0 || drifting ? StandardStatus.Watch : StandardStatus.Reliable;
            if (status == StandardStatus.Watch && previous != StandardStatus.Watch)
            {
                // The reason is spelled out only at a warning's onset, from the same counts as the as-of evaluation.
                string reason;
                if (firingPair >= 0)
                {
                    BurnRateWindowPair pair = policy.Pairs[firingPair];
                    (long le, long lb) = series.Rolling(TickMath.Minus(tick, pair.LongWindow), tick);
                    (long se, long sb) = series.Rolling(TickMath.Minus(tick, pair.ShortWindow), tick);
                    reason = ReliabilityEngine.AlertText(new BurnRateAlert(pair, le, lb, se, sb, standard, _options.MinimumEventsInLongWindow));
                }
                else
                {
                    reason = ReliabilityEngine.ActiveDrift(drift, t, Duration.FromTicks(memory)) is { } signal
                        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"drift: {signal.Description} at {ReliabilityEngine.Time(signal.At!.Value)}")
                        : "drift";
                }

                warnings.Add((t, reason));
            }

            if (status == StandardStatus.Breached && previous != StandardStatus.Breached)
            {
                Instant since = Instant.Max(lastBreachEnd, t - window);
                Instant? warned = warnings.Where(w => w.At >= since && w.At <= t).Select(w => (Instant?)w.At).FirstOrDefault();
                breaches.Add((t, bounds is null ? ReliabilityEngine.Time(t - standard.Window.Length) + ".." + ReliabilityEngine.Time(t) : label, warned));
            }

            if (status != StandardStatus.Breached && previous == StandardStatus.Breached)
            {
                lastBreachEnd = t;
            }

            previous = status;
        }

        ImmutableArray<BacktestWarning> warningResults = [.. warnings.Select(w =>
            new BacktestWarning(w.At, w.Reason, breaches.Any(b => b.At >= w.At && b.At - w.At <= window)))];
        ImmutableArray<BacktestBreach> breachResults = [.. breaches.Select(b => new BacktestBreach(b.At, b.Label, b.Warned))];
        return new StandardBacktest(standard, from, to, step, warningResults, breachResults);
    }

    private static void RequireSupported(Instant instant, string field, string what)
    {
        if (!SupportedRange.Contains(instant))
        {
            var failures = new FailureCollector();
            failures.Add(null, what, field, CxErrorCodes.TimeOutOfRange, TimeRangeText.InstantMessage(instant, "the " + what));
            failures.ThrowIfAny(what);
        }
    }

    /// <summary>Copies the options, so that later changes to the caller's instance do not change this evaluator.</summary>
    private static ReliabilityEvaluationOptions Snapshot(ReliabilityEvaluationOptions o) => new()
    {
        BurnRatePolicy = o.BurnRatePolicy,
        MinimumEventsInLongWindow = o.MinimumEventsInLongWindow,
        DetectDrift = o.DetectDrift,
        Ewma = o.Ewma is null ? null! : new EwmaOptions { Lambda = o.Ewma.Lambda, LimitWidth = o.Ewma.LimitWidth, UseAsymptoticLimits = o.Ewma.UseAsymptoticLimits },
        Cusum = o.Cusum is null ? null! : new CusumOptions { ReferenceValue = o.Cusum.ReferenceValue, DecisionInterval = o.Cusum.DecisionInterval },
        RunRules = o.RunRules,
        DriftMemory = o.DriftMemory,
        RollingHistoryCount = o.RollingHistoryCount,
        BacktestStep = o.BacktestStep,
    };

    private static void Collect(FailureCollector failures, string what, FluentValidation.Results.ValidationResult result)
    {
        foreach (FluentValidation.Results.ValidationFailure f in result.Errors)
        {
            failures.Add(null, "reliability options", what + "." + f.PropertyName, f.ErrorCode, f.ErrorMessage);
        }
    }

    private Loaded Load(ReliabilityStandardSet standards, IEnumerable<ReliabilityMeasurement> measurements, IEnumerable<PeriodAggregate>? aggregates, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(measurements);
        var failures = new FailureCollector();
        CheckPolicies(standards, failures);
        var entries = new List<(int Standard, long Tick, double Value)>();
        ReliabilityMeasurementValidator? validator = null;
        long position = 0;
        foreach (ReliabilityMeasurement m in measurements)
        {
            IReadOnlyList<int> targets = standards.Resolve(m.SubjectId);
            bool ok = double.IsFinite(m.Value) && targets.Count > 0 && (m.Customer is null || !m.Customer.Value.IsEmpty) && SupportedRange.Contains(m.At);
            for (int i = 0; ok && i < targets.Count; i++)
            {
                ok = standards.Standards[targets[i]].Evidence == EvidenceKind.Events;
            }

            if (!ok)
            {
                validator ??= new ReliabilityMeasurementValidator(standards);
                failures.AddRange(position, validator.Validate(m));
            }
            else
            {
                long tick = m.At.ToUnixTimeTicks();
                foreach (int target in targets)
                {
                    entries.Add((target, tick, m.Value));
                }
            }

            position++;
        }

        long aggregatePosition = 0;
        var seenPeriods = new HashSet<(int, LocalDate, LocalDate)>();
        foreach (PeriodAggregate a in aggregates ?? [])
        {
            IReadOnlyList<int> targets = standards.Resolve(a.SubjectId);
            string where = string.Create(CultureInfo.InvariantCulture, $"aggregate #{aggregatePosition}");
            if (targets.Count == 0)
            {
                failures.Add(null, where, "SubjectId", CxErrorCodes.MeasurementUnknownSubject, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected the id of a standard or of a touchpoint with standards, got '{a.SubjectId}'."));
            }
            else if (!double.IsFinite(a.Value))
            {
                failures.Add(null, where, "Value", CxErrorCodes.MeasurementValueInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a finite value, got {a.Value}."));
            }
            else if (a.Period is null)
            {
                failures.Add(null, where, "Period", CxErrorCodes.AggregateInvalid, "Expected the period the aggregate covers, got none.");
            }
            else if (!SupportedRange.Contains(a.Period.Start) || !SupportedRange.Contains(a.Period.End))
            {
                failures.Add(null, where, "Period", CxErrorCodes.TimeOutOfRange,
                    TimeRangeText.DateMessage(SupportedRange.Contains(a.Period.Start) ? a.Period.End : a.Period.Start, "an aggregate's period"));
            }
            else
            {
                foreach (int target in targets)
                {
                    ReliabilityStandard standard = standards.Standards[target];
                    if (standard.Evidence != EvidenceKind.PeriodAggregates)
                    {
                        failures.Add(null, where, "SubjectId", CxErrorCodes.AggregateInvalid, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected aggregates only for standards judged on periodic aggregates, got one for '{standard.Id}', which is judged on events."));
                    }
                    else if (!seenPeriods.Add((target, a.Period.Start, a.Period.End)))
                    {
                        failures.Add(null, where, "Period", CxErrorCodes.AggregateInvalid, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected one aggregate per period, got {a.Period} for '{standard.Id}' again."));
                    }
                    else
                    {
                        Instant closes = standard.Window.Zone!.AtStartOfDay(a.Period.End.PlusDays(1)).ToInstant();
                        entries.Add((target, closes.ToUnixTimeTicks(), a.Value));
                    }
                }
            }

            aggregatePosition++;
        }

        if (position == 0 && aggregatePosition == 0 && !allowEmpty)
        {
            failures.Add(null, "measurements", "Measurements", CxErrorCodes.ReliabilityInputEmpty, "Expected measurements to evaluate the standards on, got none. An empty history cannot show whether a process meets its standard.");
        }

        failures.ThrowIfAny("reliability measurements");
        var loaded = new Loaded(standards, entries.Count);
        int[] starts = new int[standards.Count + 1];
        foreach ((int s, _, _) in entries)
        {
            starts[s + 1]++;
        }

        for (int s = 0; s < standards.Count; s++)
        {
            starts[s + 1] += starts[s];
        }

        int[] next = starts[..^1];
        foreach ((int s, long tick, double value) in entries)
        {
            int at = next[s]++;
            loaded.Ticks[at] = tick;
            loaded.Values[at] = value;
        }

        loaded.Prepare(starts);
        return loaded;
    }

    private Loaded LoadColumns(ReliabilityStandardSet standards, ReadOnlySpan<int> indices, ReadOnlySpan<Instant> at, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(standards);
        var failures = new FailureCollector();
        CheckPolicies(standards, failures);
        if (indices.Length != at.Length || indices.Length != values.Length)
        {
            failures.Add(null, "columns", "Length", CxErrorCodes.ColumnarLengthMismatch, string.Create(CultureInfo.InvariantCulture, $"Expected columns of one length, got {indices.Length} indices, {at.Length} instants and {values.Length} values."));
            failures.ThrowIfAny("reliability columns");
        }

        if (indices.IsEmpty)
        {
            failures.Add(null, "columns", "Measurements", CxErrorCodes.ReliabilityInputEmpty, "Expected measurements to evaluate the standards on, got none.");
        }

        int n = indices.Length;
        int standardCount = standards.Count;
        int[] starts = new int[standardCount + 1];
        for (int i = 0; i < n; i++)
        {
            int s = indices[i];
            if (unchecked((uint)s >= (uint)standardCount))
            {
                failures.Add(i, null, "StandardIndex", CxErrorCodes.MeasurementUnknownSubject, string.Create(CultureInfo.InvariantCulture, $"Expected a standard index from 0 to {standardCount - 1}, got {s}."));
                continue;
            }

            if (!double.IsFinite(values[i]))
            {
                failures.Add(i, null, "Value", CxErrorCodes.MeasurementValueInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a finite value, got {values[i]}. Fix or remove the measurement; NaN and infinities are never counted."));
            }

            if (!SupportedRange.Contains(at[i]))
            {
                failures.Add(i, null, "At", CxErrorCodes.TimeOutOfRange, TimeRangeText.InstantMessage(at[i], "a measurement's instant"));
            }

            starts[s + 1]++;
        }

        for (int s = 0; s < standardCount; s++)
        {
            if (starts[s + 1] > 0 && standards.Standards[s].Evidence != EvidenceKind.Events)
            {
                failures.Add(null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"standard '{standards.Standards[s].Id}'"), "StandardIndex", CxErrorCodes.AggregateInvalid, "Expected event measurements only for standards judged on events; give this standard PeriodAggregate values instead.");
            }

            starts[s + 1] += starts[s];
        }

        failures.ThrowIfAny("reliability columns");
        var loaded = new Loaded(standards, n);
        int[] next = ArrayPool<int>.Shared.Rent(standardCount);
        try
        {
            Array.Copy(starts, next, standardCount);
            for (int i = 0; i < n; i++)
            {
                int slot = next[indices[i]]++;
                loaded.Ticks[slot] = at[i].ToUnixTimeTicks();
                loaded.Values[slot] = values[i];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(next);
        }

        loaded.Prepare(starts);
        return loaded;
    }

    private void CheckPolicies(ReliabilityStandardSet standards, FailureCollector failures)
    {
        if (_options.BurnRatePolicy is { } policy)
        {
            foreach (ReliabilityStandard standard in standards.Standards)
            {
                policy.Check(standard, failures);
            }
        }
    }

    /// <summary>Every standard's series over pooled buffers, returned on dispose.</summary>
    private sealed class Loaded : IDisposable
    {
        public Loaded(ReliabilityStandardSet standards, int count)
        {
            Standards = standards;
            Ticks = ArrayPool<long>.Shared.Rent(Math.Max(count, 1));
            Values = ArrayPool<double>.Shared.Rent(Math.Max(count, 1));
            BadPrefix = ArrayPool<int>.Shared.Rent(count + standards.Count + 1);
            Series = new StandardSeries[standards.Count];
        }

        public ReliabilityStandardSet Standards { get; }

        public long[] Ticks { get; }

        public double[] Values { get; }

        public int[] BadPrefix { get; }

        public StandardSeries[] Series { get; }

        public void Prepare(int[] starts)
        {
            for (int s = 0; s < Series.Length; s++)
            {
                int offset = starts[s];
                int count = starts[s + 1] - offset;
                int prefixOffset = offset + s;
                StandardSeries.Prepare(Ticks, Values, BadPrefix, offset, count, prefixOffset, Standards.Standards[s]);
                Series[s] = new StandardSeries(Ticks, Values, BadPrefix, offset, count, prefixOffset);
            }
        }

        public void Dispose()
        {
            ArrayPool<long>.Shared.Return(Ticks);
            ArrayPool<double>.Shared.Return(Values);
            ArrayPool<int>.Shared.Return(BadPrefix);
        }
    }
}
