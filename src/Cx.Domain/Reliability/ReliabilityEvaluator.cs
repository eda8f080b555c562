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
    /// <exception cref="CxValidationException">The settings are invalid (CX0302: no early-warning policy, a rolling history
    /// outside 1 to 10,000 windows, or a backtest step that is not positive).</exception>
    public ReliabilityEvaluator(ReliabilityEvaluationOptions? options = null)
    {
        options ??= new ReliabilityEvaluationOptions();
        _options = new ReliabilityEvaluationOptions { EarlyWarning = options.EarlyWarning, RollingHistoryCount = options.RollingHistoryCount, BacktestStep = options.BacktestStep };
        var failures = new FailureCollector();
        if (_options.EarlyWarning is null)
        {
            failures.Add(null, "reliability options", "EarlyWarning", CxErrorCodes.PolicyInvalid, "Expected an early-warning policy, got null. Leave the default (EarlyWarningPolicy.Default) or assign one.");
        }

        if (_options.RollingHistoryCount < 1 || _options.RollingHistoryCount > 10_000)
        {
            failures.Add(null, "reliability options", "RollingHistoryCount", CxErrorCodes.PolicyInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected a rolling history of 1 to 10000 windows, got {_options.RollingHistoryCount}."));
        }

        if (_options.BacktestStep is { } step && step <= Duration.Zero)
        {
            failures.Add(null, "reliability options", "BacktestStep", CxErrorCodes.PolicyInvalid, "Expected a positive backtest step, or none for the default.");
        }

        failures.ThrowIfAny("reliability options");
    }

    /// <summary>Gets the early-warning policy this evaluator uses.</summary>
    public EarlyWarningPolicy Policy => _options.EarlyWarning;

    /// <summary>Returns the burn-rate rules used for a standard: the policy's fixed rules, or the SRE workbook's rules derived
    /// from the standard's window (with Sloth's ticket rule when the policy says so); the derived workbook rules when the
    /// policy has no burn-rate rules at all (they then only set the default step and quiet period).</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standard"/> is null.</exception>
    public BurnRatePolicy PolicyFor(ReliabilityStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return _options.EarlyWarning.BurnRatePolicyFor(standard) ?? BurnRatePolicy.Derive(standard.Window.NominalLength);
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
        StandardCounts[] counts = Counts(loaded, asOf);
        return new ReliabilityPartial(standards, asOf, _options, counts);
    }

    /// <summary>Backtests the early warnings over a history: judges every standard at regular instants, as
    /// <see cref="Evaluate(ReliabilityStandardSet, IEnumerable{ReliabilityMeasurement}, Instant, IEnumerable{PeriodAggregate})"/>
    /// would as of each, groups the warnings into episodes, judges each episode true or false, gives every breach its lead
    /// time, and scores the policy.</summary>
    /// <param name="standards">The standards.</param>
    /// <param name="measurements">The event measurements, in any order.</param>
    /// <param name="from">The first instant to judge; the first event's when null.</param>
    /// <param name="to">The last instant to judge; the last event's when null.</param>
    /// <param name="aggregates">The periodic aggregates, or null.</param>
    /// <param name="policy">The early-warning policy to backtest; this evaluator's when null.</param>
    /// <returns>The backtest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standards"/> or <paramref name="measurements"/> is null.</exception>
    /// <exception cref="CxValidationException">The input is invalid, or <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public ReliabilityBacktest Backtest(
        ReliabilityStandardSet standards, IEnumerable<ReliabilityMeasurement> measurements, Instant? from = null, Instant? to = null, IEnumerable<PeriodAggregate>? aggregates = null,
        EarlyWarningPolicy? policy = null) =>
        Backtest(standards, measurements, from, to, aggregates, policy, CancellationToken.None, progress: null);

    private ReliabilityBacktest Backtest(
        ReliabilityStandardSet standards, IEnumerable<ReliabilityMeasurement> measurements, Instant? from, Instant? to, IEnumerable<PeriodAggregate>? aggregates,
        EarlyWarningPolicy? policy, CancellationToken cancellationToken, IProgress<WorkProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        policy ??= _options.EarlyWarning;
        using Loaded loaded = Load(standards, Monitored.Wrap(measurements, "reading measurements", cancellationToken, progress), aggregates, policies: [policy]);
        (Instant start, Instant end) = Span(loaded, from, to);
        return BacktestLoaded(loaded, policy, start, end, cancellationToken, progress);
    }

    /// <summary>Backtests several early-warning policies over the same standards, measurements and span, and returns their
    /// scorecards side by side (the measurements are read and sorted once).</summary>
    /// <param name="standards">The standards.</param>
    /// <param name="measurements">The event measurements, in any order.</param>
    /// <param name="policies">The policies, at least one.</param>
    /// <param name="from">The first instant to judge; the first event's when null.</param>
    /// <param name="to">The last instant to judge; the last event's when null.</param>
    /// <param name="aggregates">The periodic aggregates, or null.</param>
    /// <returns>The comparison, one backtest per policy in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standards"/>, <paramref name="measurements"/>,
    /// <paramref name="policies"/> or one of the policies is null.</exception>
    /// <exception cref="CxValidationException">No policies, invalid input, or <paramref name="to"/> before <paramref name="from"/>.</exception>
    public BacktestComparison Compare(
        ReliabilityStandardSet standards, IEnumerable<ReliabilityMeasurement> measurements, IEnumerable<EarlyWarningPolicy> policies, Instant? from = null, Instant? to = null,
        IEnumerable<PeriodAggregate>? aggregates = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        EarlyWarningPolicy[] list = [.. policies];
        foreach (EarlyWarningPolicy p in list)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(policies));
        }

        if (list.Length == 0)
        {
            var failures = new FailureCollector();
            failures.Add(null, "comparison", "Policies", CxErrorCodes.EarlyWarningPolicyInvalid, "Expected at least one early-warning policy to backtest, got none.");
            failures.ThrowIfAny("comparison");
        }

        using Loaded loaded = Load(standards, measurements, aggregates, policies: list);
        (Instant start, Instant end) = Span(loaded, from, to);
        return new BacktestComparison([.. list.Select(p => BacktestLoaded(loaded, p, start, end, CancellationToken.None, progress: null))]);
    }

    private static (Instant From, Instant To) Span(Loaded loaded, Instant? from, Instant? to)
    {
        long firstTick = long.MaxValue;
        long lastTick = long.MinValue;
        foreach (StandardSeries s in loaded.Series.Where(s => s.Count > 0))
        {
            firstTick = Math.Min(firstTick, s.TickAt(0));
            lastTick = Math.Max(lastTick, s.TickAt(s.Count - 1));
        }

        Instant start = from ?? Instant.FromUnixTimeTicks(firstTick);
        Instant end = to ?? Instant.FromUnixTimeTicks(lastTick);
        if (end < start)
        {
            var failures = new FailureCollector();
            failures.Add(null, "backtest", "To", CxErrorCodes.PolicyInvalid, $"Expected the backtest to end at or after its start {start}, got {end}.");
            failures.ThrowIfAny("backtest");
        }

        return (start, end);
    }

    private ReliabilityBacktest BacktestLoaded(
        Loaded loaded, EarlyWarningPolicy policy, Instant start, Instant end, CancellationToken cancellationToken, IProgress<WorkProgress>? progress)
    {
        var results = new StandardBacktest[loaded.Standards.Count];
        for (int i = 0; i < results.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReliabilityStandard standard = loaded.Standards.Standards[i];
            Duration step = BacktestRunner.Step(standard, policy, _options.BacktestStep, end - start, MaxBacktestSteps);
            results[i] = BacktestRunner.Run(loaded.Series[i], standard, policy, start, end, step);
            progress?.Report(new WorkProgress("backtesting standards", i + 1, results.Length));
        }

        return new ReliabilityBacktest(policy, results);
    }

    private ReliabilityReport Report(Loaded loaded, Instant asOf)
    {
        StandardCounts[] counts = Counts(loaded, asOf);
        EarlyWarningPolicy policy = _options.EarlyWarning;
        var evaluations = new StandardEvaluation[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            ReliabilityStandard standard = counts[i].Standard;
            var warnings = new StandardWarnings(loaded.Series[i], standard, policy, asOf);
            Duration step = _options.BacktestStep ?? PolicyFor(standard).ShortestWindow;
            WarningEpisode? episode = EpisodeLookback.OpenAt(warnings, asOf, step);
            evaluations[i] = ReliabilityEngine.Build(counts[i], warnings, episode, policy);
        }

        return new ReliabilityReport(asOf, evaluations, includesDrift: true);
    }

    private StandardCounts[] Counts(Loaded loaded, Instant asOf)
    {
        var counts = new StandardCounts[loaded.Standards.Count];
        for (int i = 0; i < counts.Length; i++)
        {
            ReliabilityStandard standard = loaded.Standards.Standards[i];
            counts[i] = new StandardCounts(standard, _options.EarlyWarning.BurnRatePolicyFor(standard), asOf, _options.RollingHistoryCount);
            counts[i].Add(loaded.Series[i]);
        }

        return counts;
    }

    private Loaded Load(
        ReliabilityStandardSet standards, IEnumerable<ReliabilityMeasurement> measurements, IEnumerable<PeriodAggregate>? aggregates, bool allowEmpty = false,
        IReadOnlyList<EarlyWarningPolicy>? policies = null)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(measurements);
        var failures = new FailureCollector();
        CheckPolicies(standards, failures, policies ?? [_options.EarlyWarning]);
        var entries = new List<(int Standard, long Tick, double Value)>();
        ReliabilityMeasurementValidator? validator = null;
        long position = 0;
        foreach (ReliabilityMeasurement m in measurements)
        {
            IReadOnlyList<int> targets = standards.Resolve(m.SubjectId);
            bool ok = double.IsFinite(m.Value) && targets.Count > 0 && (m.Customer is null || !m.Customer.Value.IsEmpty);
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
                failures.Add(null, where, "SubjectId", CxErrorCodes.MeasurementUnknownSubject, $"Expected the id of a standard or of a touchpoint with standards, got '{a.SubjectId}'.");
            }
            else if (!double.IsFinite(a.Value))
            {
                failures.Add(null, where, "Value", CxErrorCodes.MeasurementValueInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a finite value, got {a.Value}."));
            }
            else if (a.Period is null)
            {
                failures.Add(null, where, "Period", CxErrorCodes.AggregateInvalid, "Expected the period the aggregate covers, got none.");
            }
            else
            {
                foreach (int target in targets)
                {
                    ReliabilityStandard standard = standards.Standards[target];
                    if (standard.Evidence != EvidenceKind.PeriodAggregates)
                    {
                        failures.Add(null, where, "SubjectId", CxErrorCodes.AggregateInvalid, $"Expected aggregates only for standards judged on periodic aggregates, got one for '{standard.Id}', which is judged on events.");
                    }
                    else if (!seenPeriods.Add((target, a.Period.Start, a.Period.End)))
                    {
                        failures.Add(null, where, "Period", CxErrorCodes.AggregateInvalid, $"Expected one aggregate per period, got {a.Period} for '{standard.Id}' again.");
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
        CheckPolicies(standards, failures, [_options.EarlyWarning]);
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

            starts[s + 1]++;
        }

        for (int s = 0; s < standardCount; s++)
        {
            if (starts[s + 1] > 0 && standards.Standards[s].Evidence != EvidenceKind.Events)
            {
                failures.Add(null, $"standard '{standards.Standards[s].Id}'", "StandardIndex", CxErrorCodes.AggregateInvalid, "Expected event measurements only for standards judged on events; give this standard PeriodAggregate values instead.");
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

    private static void CheckPolicies(ReliabilityStandardSet standards, FailureCollector failures, IReadOnlyList<EarlyWarningPolicy> policies)
    {
        foreach (EarlyWarningPolicy p in policies)
        {
            if (p.BurnRate?.Policy is { } fixedRules)
            {
                foreach (ReliabilityStandard standard in standards.Standards)
                {
                    fixedRules.Check(standard, failures);
                }
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
