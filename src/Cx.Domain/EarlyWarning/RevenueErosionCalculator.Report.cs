using System.Collections.Immutable;
using System.Globalization;
using Cx.Domain.Attribution;
using Cx.Domain.Internal;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.EarlyWarning;

/// <summary>The early-warning list, the priorities and their backtest.</summary>
public sealed partial class RevenueErosionCalculator
{
    private const long MaxEnumeratedPicks = 1_000_000;

    /// <summary>Builds the early warning of a period as of its last instant: exposure and impact, the early-warning list, the
    /// value budgets and the top priorities.</summary>
    /// <param name="input">The ledger, journey, standards, measurements and events.</param>
    /// <param name="period">A period of the ledger's grid.</param>
    /// <param name="options">The options; the calculator's defaults when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="period"/> is null.</exception>
    /// <exception cref="CxValidationException">The period is not in the ledger's grid (CX0808), or the options or records are
    /// invalid (see <see cref="Analyze(ErosionInput, EarlyWarningOptions?)"/>).</exception>
    public ErosionReport Report(ErosionInput input, GridPeriod period, EarlyWarningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        EarlyWarningOptions o = Resolve(options);
        PeriodGrid grid = input.Ledger.Grid;
        if (period.Index < 0 || period.Index >= grid.Count || !grid[period.Index].Equals(period))
        {
            throw PeriodProblem($"Expected a period of the ledger's grid {grid}, got {period}.");
        }

        Instant end = o.TimeZone.AtStartOfDay(period.End.PlusDays(1)).ToInstant();
        return Build(input, period, end - Duration.Epsilon, o, null);
    }

    /// <summary>Builds the early warning of a period as of its last instant, with what customers said: the complaint spikes of
    /// the listening report at each touchpoint's stage join the priority score (<see cref="PriorityScore.ComplaintPart"/>,
    /// weighted by <see cref="EarlyWarningOptions.ComplaintWeight"/>) and the priorities' sentences.</summary>
    /// <param name="input">The ledger, journey, standards, measurements and events.</param>
    /// <param name="period">A period of the ledger's grid.</param>
    /// <param name="options">The options; the calculator's defaults when null.</param>
    /// <param name="listening">The listening report of the same journey and grid (<see cref="ListeningCalculator"/>), or null
    /// for the report without feedback (then the same as <see cref="Report(ErosionInput, GridPeriod, EarlyWarningOptions?)"/>).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="period"/> is null.</exception>
    /// <exception cref="CxValidationException">The period is not in the ledger's grid (CX0808), the listening report is on
    /// another grid (CX0809), or the options or records are invalid.</exception>
    public ErosionReport Report(ErosionInput input, GridPeriod period, EarlyWarningOptions? options, ListeningReport? listening)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        if (listening is null)
        {
            return Report(input, period, options);
        }

        EarlyWarningOptions o = Resolve(options);
        PeriodGrid grid = input.Ledger.Grid;
        if (period.Index < 0 || period.Index >= grid.Count || !grid[period.Index].Equals(period))
        {
            throw PeriodProblem($"Expected a period of the ledger's grid {grid}, got {period}.");
        }

        if (listening.Grid != grid)
        {
            var failures = new FailureCollector();
            failures.Add(null, "early-warning report", "Listening", CxErrorCodes.ErosionListeningGridInvalid,
                $"Expected a listening report on the ledger's grid {grid}, got one on {listening.Grid}. Compute the listening report with the ledger's grid.");
            failures.ThrowIfAny("early-warning report");
        }

        Instant end = o.TimeZone.AtStartOfDay(period.End.PlusDays(1)).ToInstant();
        return Build(input, period, end - Duration.Epsilon, o, listening.Spikes);
    }

    /// <summary>Builds the early warning as of an instant: of the grid period holding it, with only the measurements and events
    /// at or before it (a period not yet over is reported so far, its warnings with the exposure expected until their windows end).</summary>
    /// <param name="input">The ledger, journey, standards, measurements and events.</param>
    /// <param name="asOf">The instant; it must fall in the ledger's grid (in the options' time zone).</param>
    /// <param name="options">The options; the calculator's defaults when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="CxValidationException">The instant is outside the grid (CX0808), or the options or records are invalid.</exception>
    public ErosionReport Report(ErosionInput input, Instant asOf, EarlyWarningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        EarlyWarningOptions o = Resolve(options);
        PeriodGrid grid = input.Ledger.Grid;
        LocalDate date = asOf.InZone(o.TimeZone).Date;
        if (!grid.TryFind(date, out GridPeriod? period))
        {
            throw PeriodProblem(string.Create(CultureInfo.InvariantCulture, $"Expected an instant within the ledger's grid {grid} in {o.TimeZone.Id}, got {asOf} ({date:uuuu-MM-dd}). Give an instant inside the grid, or extend the ledger."));
        }

        return Build(input, period, asOf, o, null);
    }

    /// <summary>Backtests the priorities: for each period p whose following h periods are in the grid, the share of the losses
    /// attributed in p + 1 to p + h that the top N touchpoints picked at p carried, against N touchpoints drawn at random.</summary>
    /// <param name="input">The ledger, journey, standards, measurements and events.</param>
    /// <param name="options">The options (N is <see cref="EarlyWarningOptions.PriorityCount"/>, h is <see cref="EarlyWarningOptions.Horizon"/>); the calculator's defaults when null.</param>
    /// <returns>The backtest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="CxValidationException">The options or records are invalid.</exception>
    public PriorityBacktest Backtest(ErosionInput input, EarlyWarningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        EarlyWarningOptions o = Resolve(options);
        ErosionAnalysis analysis = Analyze(input, o);
        AttributionOptions attributionOptions = AttributionFor(o, includeCredits: true);
        AttributionResult attribution = new JourneyAttributionCalculator().Calculate(input.Framework, input.Ledger, input.Events, attributionOptions);
        PeriodGrid grid = input.Ledger.Grid;
        int periods = grid.Count;
        int touchpoints = input.Framework.Touchpoints.Count;
        long[,] credits = new long[periods, touchpoints];
        long[] lost = new long[periods];
        foreach (MovementCredit credit in attribution.MovementCredits)
        {
            if (credit.Direction != AttributionDirection.Losses)
            {
                continue;
            }

            int p = credit.Movement.Period.Index;
            lost[p] = checked(lost[p] + credit.Value);
            foreach (TouchpointShare share in credit.Shares)
            {
                int t = input.Framework.IndexOfTouchpoint(share.TouchpointId);
                credits[p, t] = checked(credits[p, t] + share.Value);
            }
        }

        var evaluator = new ReliabilityEvaluator(o.Reliability);
        var bridges = attribution.Bridge.ToDictionary(b => b.Period.Index);
        var rows = new List<PriorityBacktestPeriod>();
        for (int p = 0; p + o.Horizon < periods; p++)
        {
            GridPeriod period = grid[p];
            Instant asOf = o.TimeZone.AtStartOfDay(period.End.PlusDays(1)).ToInstant() - Duration.Epsilon;
            ReliabilityReport? status = input.Measurements.Any(m => m.At <= asOf) ? evaluator.Evaluate(input.Standards, input.Measurements.Where(m => m.At <= asOf), asOf) : null;
            List<Priority> ranked = PriorityScorer.Rank(analysis, period, status, bridges.GetValueOrDefault(p), o);
            int[] picked = ranked.Take(o.PriorityCount).Select(r => input.Framework.IndexOfTouchpoint(r.Touchpoint.Id)).ToArray();
            long future = 0;
            long[] perTouchpoint = new long[touchpoints];
            for (int q = p + 1; q <= p + o.Horizon; q++)
            {
                future = checked(future + lost[q]);
                for (int t = 0; t < touchpoints; t++)
                {
                    perTouchpoint[t] = checked(perTouchpoint[t] + credits[q, t]);
                }
            }

            long pickedLost = picked.Sum(t => perTouchpoint[t]);
            double? pickedShare = future > 0 ? (double)pickedLost / future : null;
            double? randomShare = future > 0 ? (double)picked.Length / touchpoints * perTouchpoint.Sum() / future : null;
            long possible = Combinations(touchpoints, picked.Length);
            double? beaten = future > 0 && possible <= MaxEnumeratedPicks ? Beaten(perTouchpoint, picked.Length, pickedLost) : null;
            rows.Add(new PriorityBacktestPeriod(period, [.. picked.Select(t => input.Framework.Touchpoints[t].Id)], future, pickedLost, pickedShare, randomShare, beaten, possible));
        }

        return new PriorityBacktest(o.PriorityCount, o.Horizon, touchpoints, rows);
    }

    private ErosionReport Build(ErosionInput input, GridPeriod period, Instant asOf, EarlyWarningOptions o, IReadOnlyList<SpikeCheck>? spikes)
    {
        ErosionInput known = input.Measurements.All(m => m.At <= asOf) && input.Events.All(e => e.At <= asOf)
            ? input
            : ErosionInput.Create(input.Ledger, input.Framework, input.Standards, input.Measurements.Where(m => m.At <= asOf), input.Events.Where(e => e.At <= asOf));
        ErosionAnalysis analysis = Analyze(known, o);
        ReliabilityReport? status = known.Measurements.Count > 0
            ? new ReliabilityEvaluator(o.Reliability).Evaluate(known.Standards, known.Measurements, asOf)
            : null;
        AttributionResult attribution = new JourneyAttributionCalculator().Calculate(known.Framework, known.Ledger, known.Events, AttributionFor(o, includeCredits: false));
        StageBridgePeriod? bridge = attribution.Bridge.FirstOrDefault(b => b.Period.Index == period.Index);
        List<Priority> ranked = PriorityScorer.Rank(analysis, period, status, bridge, o, spikes);
        ImmutableArray<StandardWarning> warnings = status is null ? [] : Warnings(known, analysis, status, period, asOf, o);
        ImmutableArray<ValueBudget> budgets = [.. analysis.Subjects.Where(s => s.Kind == ErosionSubjectKind.Standard).Select(s => s.Budget(period)!)];
        return new ErosionReport(period, asOf, analysis, status, attribution, warnings, budgets, [.. ranked.Take(o.PriorityCount)], [.. ranked]);
    }

    private static ImmutableArray<StandardWarning> Warnings(ErosionInput input, ErosionAnalysis analysis, ReliabilityReport status, GridPeriod period, Instant asOf, EarlyWarningOptions o)
    {
        var values = new CustomerValues(input.Ledger);
        PeriodGrid grid = input.Ledger.Grid;
        // Exposures older than the horizon have had their whole horizon: their losses are in the ledger, no longer at risk.
        Instant horizonStart = o.TimeZone.AtStartOfDay(grid[Math.Max(0, period.Index - o.Horizon + 1)].Start).ToInstant();
        var list = new List<(StandardWarning Warning, int Order)>();
        for (int s = 0; s < status.Standards.Count; s++)
        {
            StandardEvaluation evaluation = status.Standards[s];
            WarningEpisode? episode = evaluation.OpenEpisode;
            if (episode is null && evaluation.Status is not (StandardStatus.Watch or StandardStatus.Breached))
            {
                continue;
            }

            ReliabilityStandard standard = evaluation.Standard;
            bool rolling = standard.Window.Kind == EvaluationWindowKind.Rolling;
            Instant windowStart = evaluation.CurrentWindow?.Start ?? (asOf - standard.Window.NominalLength);
            Instant windowEnd = rolling ? asOf : evaluation.CurrentWindow?.End ?? asOf;

            // From the episode's start (bounded by the horizon); a breach without an episode counts its current window, whose
            // rolling form excludes its start instant.
            Instant since = episode is null ? windowStart : Instant.Max(episode.OpenedAt, horizonStart);
            bool exclusive = episode is null && rolling;
            var first = new Dictionary<CustomerId, Instant>();
            foreach (ReliabilityMeasurement m in input.Measurements)
            {
                if (m.Customer is { } customer && m.At <= asOf && (exclusive ? m.At > since : m.At >= since)
                    && !standard.IsGood(m.Value) && input.Standards.Resolve(m.SubjectId).Contains(s))
                {
                    if (!first.TryGetValue(customer, out Instant at) || m.At < at)
                    {
                        first[customer] = m.At;
                    }
                }
            }

            long exposedValue = 0;
            foreach ((CustomerId customer, Instant at) in first)
            {
                if (grid.TryFind(at.InZone(analysis.TimeZone).Date, out GridPeriod? p))
                {
                    exposedValue = checked(exposedValue + values.Opening(customer, p.Index));
                }
            }

            Duration elapsed = Instant.Min(asOf, windowEnd) - since;
            Duration remaining = rolling || asOf >= windowEnd ? Duration.Zero : windowEnd - asOf;
            long expected = elapsed > Duration.Zero
                ? (long)Math.Round(exposedValue * (remaining.TotalTicks / elapsed.TotalTicks), MidpointRounding.ToEven)
                : 0;
            ErosionSubject subject = analysis.ForStandard(standard.Id);
            var risk = new RevenueAtRisk(period, analysis.Unit, checked(exposedValue + expected), first.Count, subject.Impact(period), analysis.MinimumExposedCount);
            list.Add((new StandardWarning(subject, evaluation, since, windowStart, windowEnd, first.Count, exposedValue, expected, risk), s));
        }

        return [.. list
            .OrderBy(w => w.Warning.Status == StandardStatus.Breached ? 0 : 1)
            .ThenByDescending(w => w.Warning.RevenueAtRisk.IsActionable ? w.Warning.RevenueAtRisk.Estimate ?? 0 : long.MinValue)
            .ThenBy(w => w.Order)
            .Select(w => w.Warning)];
    }

    private static AttributionOptions AttributionFor(EarlyWarningOptions o, bool includeCredits)
    {
        AttributionOptions copy = EarlyWarningOptions.CopyOf(o.Attribution ?? new AttributionOptions { TimeZone = o.TimeZone });
        copy.IncludeMovementCredits = includeCredits;
        return copy;
    }

    private static CxValidationException PeriodProblem(string message)
    {
        var failures = new FailureCollector();
        failures.Add(null, "early-warning report", "Period", CxErrorCodes.ErosionPeriodInvalid, message);
        return failures.ToException("early-warning report");
    }

    /// <summary>C(n, k), capped at <see cref="long.MaxValue"/>.</summary>
    private static long Combinations(int n, int k)
    {
        k = Math.Min(k, n - k);
        double c = 1;
        for (int i = 1; i <= k; i++)
        {
            c = c * (n - k + i) / i;
        }

        return c >= long.MaxValue ? long.MaxValue : (long)Math.Round(c);
    }

    /// <summary>The fraction of all k-subsets of the touchpoints whose summed losses are below <paramref name="picked"/>, ties half.</summary>
    private static double Beaten(long[] losses, int k, long picked)
    {
        long below = 0;
        long ties = 0;
        long total = 0;
        int n = losses.Length;
        int[] index = Enumerable.Range(0, k).ToArray();
        if (k == 0)
        {
            return 0.5;
        }

        while (true)
        {
            long sum = 0;
            foreach (int i in index)
            {
                sum += losses[i];
            }

            total++;
            below += sum < picked ? 1 : 0;
            ties += sum == picked ? 1 : 0;
            int j = k - 1;
            while (j >= 0 && index[j] == n - k + j)
            {
                j--;
            }

            if (j < 0)
            {
                break;
            }

            index[j]++;
            for (int m = j + 1; m < k; m++)
            {
                index[m] = index[m - 1] + 1;
            }
        }

        return (below + (ties / 2.0)) / total;
    }
}
