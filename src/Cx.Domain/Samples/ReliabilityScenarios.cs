using System.Collections.Immutable;
using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Validation;
using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.Samples;

/// <summary>Generates seeded reliability scenarios with labelled changes (in control, sudden breaks, slow drifts,
/// intermittent outages, single outliers; weekday and weekend volume; 5 to 500 events a day) and the standards they belong
/// to: streams to tune and compare early-warning policies on.</summary>
/// <remarks>
/// <para>The process: hours from request to completion against "at most 48 h". Usual values are 20 h ± 6 h (a sum of four
/// uniforms, bounded at ±3.46 sigma, so they never fail while in control); a failure is a value from 50 to 120 h. In control
/// the bad share is <see cref="ReliabilityScenarioOptions.InControlBudgetShare"/> of the budget. A sudden break raises the
/// failure rate to a multiple of the budget; a slow drift moves the usual values' mean up linearly to the threshold over
/// <see cref="ReliabilityScenarioOptions.DriftDays"/>; an outage fails 80% of the events for 2 to 24 hours every 14 to 35
/// days; an outlier is a single value of 2,000 h (one event in 500, on top of the failures). 80% of events fall in business
/// hours (08:00 to 18:00 UTC).</para>
/// <para>Deterministic: the same options give the same scenario, byte for byte, on every machine (the sample company's
/// integer-only generator). Each scenario's standard is judged per calendar month in UTC (or a rolling 30 days), with a
/// reference interval over its first days for the drift detectors.</para>
/// </remarks>
public static class ReliabilityScenarios
{
    /// <summary>The threshold of every scenario's standard, in hours.</summary>
    public const double Threshold = 48;

    /// <summary>The volumes of the suite, in mean events a weekday.</summary>
    public static IReadOnlyList<int> SuiteVolumes { get; } = ImmutableArray.Create(5, 20, 50, 200, 500);

    private const double UsualMean = 20;
    private const double UsualSigma = 6;
    private const ulong ScenarioStream = 11;

    /// <summary>Generates one scenario.</summary>
    /// <param name="id">The standard's id, not blank.</param>
    /// <param name="options">The settings.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="CxValidationException">An option is out of range (CX0521).</exception>
    public static ReliabilityScenario Generate(string id, ReliabilityScenarioOptions options)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(options);
        Check(id, options);
        var random = SampleRandom.ForStream(options.Seed, ScenarioStream, 0);
        double budget = 1 - options.Objective;
        double inControl = options.InControlBudgetShare * budget;
        int changeDay = options.ChangeDay ?? (options.ReferenceDays + 30 + random.NextInt(Math.Max(1, options.Days - options.ReferenceDays - 75)));
        Instant start = options.StartDate.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        Instant Day(int d) => start + Duration.FromDays(d);
        var changes = new List<ScenarioChange>();
        int breakEnd = options.Days;
        var outages = new List<(long From, long To)>();
        switch (options.Kind)
        {
            case ScenarioKind.SuddenBreak:
                breakEnd = options.BreakDays is { } b ? Math.Min(options.Days, changeDay + b) : options.Days;
                changes.Add(new ScenarioChange(ScenarioKind.SuddenBreak, Day(changeDay), breakEnd < options.Days ? Day(breakEnd) : null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"bad share {options.BreakBudgetMultiple * budget * 100:0.##}% ({options.BreakBudgetMultiple:0.##}x the budget) {(breakEnd < options.Days ? $"for {breakEnd - changeDay} days" : "to the end")}")));
                break;
            case ScenarioKind.SlowDrift:
                changes.Add(new ScenarioChange(ScenarioKind.SlowDrift, Day(changeDay), null, string.Create(
                    CultureInfo.InvariantCulture, $"usual values drift from {UsualMean:0} h up to the {Threshold:0} h threshold over {options.DriftDays} days")));
                break;
            case ScenarioKind.IntermittentOutages:
                for (long day = options.ReferenceDays + random.NextInt(14, 35); day < options.Days; day += random.NextInt(14, 35))
                {
                    Instant from = Day((int)day) + Duration.FromMinutes(random.NextInt(0, 24 * 60 - 1));
                    Duration length = Duration.FromHours(random.NextInt(2, 24));
                    outages.Add((from.ToUnixTimeTicks(), (from + length).ToUnixTimeTicks()));
                    changes.Add(new ScenarioChange(ScenarioKind.IntermittentOutages, from, from + length, string.Create(CultureInfo.InvariantCulture, $"outage of {length.TotalHours:0} hours: 80% of events fail")));
                }

                break;
        }

        var measurements = new List<ReliabilityMeasurement>(options.Days * options.EventsPerDay * 3 / 2);
        int failurePerMillion = (int)Math.Round(inControl * 1_000_000);
        int breakPerMillion = (int)Math.Round(Math.Min(1, options.BreakBudgetMultiple * budget) * 1_000_000);
        int outage = 0;
        for (int d = 0; d < options.Days; d++)
        {
            LocalDate date = options.StartDate.PlusDays(d);
            bool weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            double mean = options.EventsPerDay * (weekend ? options.WeekendFactor : 1);
            int count = random.NextInt((int)Math.Floor(mean / 2), (int)Math.Ceiling(mean * 3 / 2));
            var seconds = new int[count];
            for (int e = 0; e < count; e++)
            {
                seconds[e] = random.NextInt(1000) < 800 ? (8 * 3600) + random.NextInt(10 * 3600) : random.NextInt(86_400);
            }

            Array.Sort(seconds);
            double drift = options.Kind == ScenarioKind.SlowDrift && d >= changeDay ? (Threshold - UsualMean) * Math.Min(2, (d - changeDay) / (double)options.DriftDays) : 0;
            bool broken = options.Kind == ScenarioKind.SuddenBreak && d >= changeDay && d < breakEnd;
            foreach (int second in seconds)
            {
                Instant at = Day(d) + Duration.FromSeconds(second);
                long tick = at.ToUnixTimeTicks();
                while (outage < outages.Count && outages[outage].To <= tick)
                {
                    outage++;
                }

                bool inOutage = outage < outages.Count && outages[outage].From <= tick;
                double value;
                if (options.Kind == ScenarioKind.SingleOutliers && random.NextInt(500) == 0)
                {
                    value = 100 * UsualMean;
                }
                else if (inOutage ? random.NextInt(1000) < 800 : random.NextInt(1_000_000) < (broken ? breakPerMillion : failurePerMillion))
                {
                    value = Threshold + 2 + ((120 - Threshold - 2) * Uniform(random));
                }
                else
                {
                    value = UsualMean + drift + (UsualSigma * ApproximatelyNormal(random));
                }

                measurements.Add(new ReliabilityMeasurement(id, at, Math.Round(value, 2)));
            }
        }

        LocalDate last = options.StartDate.PlusDays(options.Days - 1);
        EvaluationWindow window = options.RollingWindow
            ? EvaluationWindow.Rolling(Duration.FromDays(30))
            : EvaluationWindow.Calendar(PeriodGrid.Monthly(new YearMonth(options.StartDate.Year, options.StartDate.Month), new YearMonth(last.Year, last.Month)));
        var standard = ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = id, TouchpointId = "scenario", Name = $"{char.ToUpperInvariant(Kebab(options.Kind)[0])}{Kebab(options.Kind)[1..].Replace('-', ' ')} at {options.EventsPerDay} events a day", Metric = "hours from request to completion", Unit = "h",
            Comparison = ThresholdComparison.AtMost, Threshold = Threshold, Objective = options.Objective, Window = window,
            MinimumEvents = options.MinimumEvents ?? (int)Math.Round(3 / budget), Owner = "Scenario owner",
            ReferenceInterval = new Interval(start, Day(options.ReferenceDays)),
        });
        return new ReliabilityScenario(standard, options.Kind, options.EventsPerDay, inControl, measurements, changes);
    }

    /// <summary>Generates the standard suite: every kind at every volume of <see cref="SuiteVolumes"/>, each
    /// <paramref name="replicates"/> times with settings drawn from the seed (in-control share 20% to 60% of the budget,
    /// objectives 90%, 95% and 99%, weekend volume 30% or 100%, a rolling window one time in four, breaks of 2 to 8 times the
    /// budget lasting 10 to 40 days or to the end, drifts over 30 to 120 days; 240 days, in-control scenarios 365).</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="replicates">Scenarios per kind and volume, 1 to 100.</param>
    /// <param name="kinds">The kinds to generate, or null for all; leaving kinds out does not change the others.</param>
    /// <returns>The scenarios, ids such as <c>break-20-03</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="replicates"/> is out of range.</exception>
    public static IReadOnlyList<ReliabilityScenario> Suite(ulong seed = 2026, int replicates = 4, IEnumerable<ScenarioKind>? kinds = null)
    {
        Guard.InRange(replicates, 1, 100);
        HashSet<ScenarioKind>? wanted = kinds is null ? null : [.. kinds];
        var scenarios = new List<ReliabilityScenario>();
        (ScenarioKind Kind, string Name)[] all =
        [
            (ScenarioKind.InControl, "in-control"), (ScenarioKind.SuddenBreak, "break"), (ScenarioKind.SlowDrift, "drift"),
            (ScenarioKind.IntermittentOutages, "outages"), (ScenarioKind.SingleOutliers, "outliers"),
        ];
        ulong index = 0;
        foreach ((ScenarioKind kind, string name) in all)
        {
            foreach (int volume in SuiteVolumes)
            {
                for (int r = 0; r < replicates; r++)
                {
                    var random = SampleRandom.ForStream(seed, ScenarioStream + 1, index++);
                    double objective = random.NextInt(10) switch { 0 => 0.9, 1 => 0.99, _ => 0.95 };
                    var options = new ReliabilityScenarioOptions
                    {
                        Seed = random.NextUInt64(),
                        Kind = kind,
                        EventsPerDay = volume,
                        WeekendFactor = random.NextInt(2) == 0 ? 1 : 0.3,
                        Days = kind == ScenarioKind.InControl ? 365 : 240,
                        Objective = objective,
                        RollingWindow = random.NextInt(4) == 0,
                        InControlBudgetShare = 0.2 + (0.4 * random.NextInt(1001) / 1000.0),
                        BreakBudgetMultiple = 2 + (6 * random.NextInt(1001) / 1000.0),
                        BreakDays = random.NextInt(2) == 0 ? null : random.NextInt(10, 40),
                        DriftDays = random.NextInt(30, 120),
                    };
                    if (wanted is null || wanted.Contains(kind))
                    {
                        scenarios.Add(Generate(string.Create(CultureInfo.InvariantCulture, $"{name}-{volume}-{r + 1:00}"), options));
                    }
                }
            }
        }

        return scenarios;
    }

    /// <summary>The standards of scenarios as one set (for evaluating or backtesting them together).</summary>
    /// <param name="scenarios">The scenarios, with distinct ids.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenarios"/> is null.</exception>
    /// <exception cref="CxValidationException">Two scenarios share an id (CX0502).</exception>
    public static ReliabilityStandardSet Standards(IEnumerable<ReliabilityScenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        return ReliabilityStandardSet.Create(scenarios.Select(s => s.Standard));
    }

    /// <summary>Describes the scenarios' labelled changes as CSV lines (<c>standard,kind,start,end,description</c>, with a header).</summary>
    /// <param name="scenarios">The scenarios.</param>
    /// <returns>The CSV text, one line per change (a line with an empty change for a scenario without any).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenarios"/> is null.</exception>
    public static string ChangesCsv(IEnumerable<ReliabilityScenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var text = new System.Text.StringBuilder("standard,kind,events_per_day,in_control_bad_share,change_start,change_end,description\n");
        foreach (ReliabilityScenario s in scenarios)
        {
            string prefix = string.Create(CultureInfo.InvariantCulture, $"{s.Standard.Id},{Kebab(s.Kind)},{s.EventsPerDay},{s.InControlBadShare:0.#####}");
            if (s.Changes.Count == 0)
            {
                text.Append(prefix).Append(",,,\n");
            }

            foreach (ScenarioChange c in s.Changes)
            {
                text.Append(prefix).Append(',').Append(InstantPattern.ExtendedIso.Format(c.Start)).Append(',')
                    .Append(c.End is { } e ? InstantPattern.ExtendedIso.Format(e) : string.Empty).Append(',').Append('"').Append(c.Description).Append("\"\n");
            }
        }

        return text.ToString();
    }

    private static string Kebab(ScenarioKind kind) => kind switch
    {
        ScenarioKind.InControl => "in-control",
        ScenarioKind.SuddenBreak => "sudden-break",
        ScenarioKind.SlowDrift => "slow-drift",
        ScenarioKind.IntermittentOutages => "intermittent-outages",
        _ => "single-outliers",
    };

    private static void Check(string id, ReliabilityScenarioOptions o)
    {
        var failures = new FailureCollector();
        const string subject = "reliability scenario options";
        void Fail(string field, string message) => failures.Add(null, subject, field, CxErrorCodes.ScenarioOptionsInvalid, message);
        if (string.IsNullOrWhiteSpace(id))
        {
            Fail("Id", "Expected a scenario id such as 'break-20-01', got a blank one.");
        }

        if (o.Kind is < ScenarioKind.InControl or > ScenarioKind.SingleOutliers)
        {
            Fail("Kind", $"Expected a scenario kind such as InControl or SuddenBreak, got {o.Kind}.");
        }

        if (o.EventsPerDay is < 1 or > 10_000)
        {
            Fail("EventsPerDay", string.Create(CultureInfo.InvariantCulture, $"Expected 1 to 10000 events a day, got {o.EventsPerDay}."));
        }

        if (!(o.WeekendFactor >= 0 && o.WeekendFactor <= 1))
        {
            Fail("WeekendFactor", string.Create(CultureInfo.InvariantCulture, $"Expected a weekend volume share of 0 to 1, got {o.WeekendFactor}."));
        }

        if (o.Days is < 60 or > 3660 || o.ReferenceDays < 7 || o.ReferenceDays > o.Days - 30)
        {
            Fail("Days", string.Create(CultureInfo.InvariantCulture, $"Expected 60 to 3660 days and 7 or more reference days that leave 30 days to monitor, got {o.Days} and {o.ReferenceDays}."));
        }
        else if (o.StartDate.Calendar != CalendarSystem.Iso || o.StartDate.Year < 1900 || o.StartDate.PlusDays(o.Days).Year > 9000)
        {
            Fail("StartDate", $"Expected an ISO start date between 1900 and 9000, got {o.StartDate}.");
        }
        else if (o.ChangeDay is { } c && (c < o.ReferenceDays || c >= o.Days))
        {
            Fail("ChangeDay", string.Create(CultureInfo.InvariantCulture, $"Expected a change day from the end of the reference days ({o.ReferenceDays}) to the last day ({o.Days - 1}), got {c}."));
        }

        if (!(o.Objective > 0.5 && o.Objective < 1) || o.Objective > 0.9999)
        {
            Fail("Objective", string.Create(CultureInfo.InvariantCulture, $"Expected an objective in (0.5, 0.9999], got {o.Objective}."));
        }

        if (o.MinimumEvents is < 1)
        {
            Fail("MinimumEvents", string.Create(CultureInfo.InvariantCulture, $"Expected an evidence gate of at least 1 event, got {o.MinimumEvents}."));
        }

        if (!(o.InControlBudgetShare > 0 && o.InControlBudgetShare < 1))
        {
            Fail("InControlBudgetShare", string.Create(CultureInfo.InvariantCulture, $"Expected an in-control bad share below the budget, as a share of it in (0, 1), got {o.InControlBudgetShare}."));
        }

        if (!(o.BreakBudgetMultiple > 1 && o.BreakBudgetMultiple <= 1000))
        {
            Fail("BreakBudgetMultiple", string.Create(CultureInfo.InvariantCulture, $"Expected a break of more than 1 and at most 1000 times the budget, got {o.BreakBudgetMultiple}."));
        }

        if (o.BreakDays is < 1 || o.DriftDays < 7)
        {
            Fail("BreakDays/DriftDays", string.Create(CultureInfo.InvariantCulture, $"Expected a break of at least 1 day and a drift over at least 7 days, got {o.BreakDays} and {o.DriftDays}."));
        }

        failures.ThrowIfAny(subject);
    }

    private static double Uniform(SampleRandom random) => (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static double ApproximatelyNormal(SampleRandom random) =>
        (Uniform(random) + Uniform(random) + Uniform(random) + Uniform(random) - 2) * 1.7320508075688772;
}
