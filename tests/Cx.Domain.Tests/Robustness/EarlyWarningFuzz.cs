using System.Reflection;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static Cx.Domain.Tests.Robustness.FuzzValues;

namespace Cx.Domain.Tests.Robustness;

/// <summary>The fuzz module of Cx.Domain.EarlyWarning: erosion inputs at the extremes (one customer, no measurements, values
/// near long.MaxValue minor units, measurements and events at NodaTime's ends, unknown and duplicated ids, ids with control
/// characters and lone surrogates), options with NaN and infinite weights and levels, columns whose indexes point nowhere;
/// laws of the results (revenue at risk within the exposed value and inside its interval, priorities ranked by score, at most
/// the requested count, deterministic, analyses independent of the order of measurements and events).</summary>
public sealed class EarlyWarningFuzz : IFuzzModule
{
    private static readonly JourneyFramework Framework = Journeys.Small();

    /// <summary>The largest priority count of the pooled calculators' defaults (the laws see the arguments, not the calculator).</summary>
    private const int DefaultPriorityCount = 5;

    private static readonly Lazy<ErosionInput> CompanyInput = new(() =>
    {
        SampleCompany company = DomainFuzz.Company.Value;
        return ErosionInput.Create(company.RevenueLedger(), company.Journey, company.ReliabilityStandards, company.ReliabilityMeasurements, company.ExperienceEvents);
    });

    private static readonly Lazy<ListeningReport> CompanyListening = new(() =>
    {
        SampleCompany company = DomainFuzz.Company.Value;
        return new ListeningCalculator().Calculate(company.Journey, company.Grid, company.Feedback, company.FeedbackTaxonomy);
    });

    private static readonly Gen<ErosionScenario> Scenarios = ErosionScenario.Arbitrary().Generator;

    private static readonly string[] StandardIds = ["dealer-4h", "repair-1d"];

    /// <summary>Ids at the edges: the scenario's, unknown ones, blanks, control characters, escapes, lone surrogates.</summary>
    private static readonly Gen<string> HostileIds = Gen.Elements("zz-unknown", " ", "\u001b[2J", "\uD800", "=cmd", "a\nb", "c00\0", new string('z', 500));

    private static readonly Gen<RevenueErosionCalculator> Calculators = Gen.Elements(
        new RevenueErosionCalculator(),
        new RevenueErosionCalculator(new EarlyWarningOptions { MinimumExposedCount = 3, Horizon = 2 }),
        new RevenueErosionCalculator(new EarlyWarningOptions { MinimumExposedCount = 1, Horizon = 1, PriorityCount = 1, TenureBandStarts = [] }));

    /// <summary>Instants the scenario's records fall around, and NodaTime's ends.</summary>
    private static readonly Gen<Instant> ScenarioInstants = Gen.Frequency(
        (4, Gen.Choose(-24 * 60, 24 * 300).Select(h => Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromHours(h))),
        (2, Gen.Elements(Instant.MinValue, Instant.MaxValue, Instant.FromUtc(9999, 12, 31, 23, 0), Instant.FromUtc(-9998, 1, 1, 0, 0), Instant.MaxValue - Duration.FromHours(1), Instant.MinValue + Duration.FromHours(1))),
        (1, Instants));

    /// <summary>Measurements the calculation accepts (a known standard or touchpoint, a finite value) at any instant, and
    /// hostile ones (unknown and control-character subjects and customers, NaN and infinite values).</summary>
    private static Gen<ReliabilityMeasurement> Measurements(FuzzValues v) => Gen.Frequency(
        (4, from subject in Gen.Elements("dealer-4h", "repair-1d", "dealer", "repair")
            from at in ScenarioInstants
            from value in Gen.Frequency((5, Gen.Choose(0, 48).Select(i => (double)i)), (1, Gen.Elements(1e308, -1e308, double.Epsilon, -0.0)))
            from customer in Gen.Frequency((3, Gen.Choose(0, 31).Select(c => (CustomerId?)CustomerId.From("c" + c.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)))), (1, Gen.Constant<CustomerId?>(null)), (1, HostileIds.Select(i => (CustomerId?)CustomerId.From(i))))
            select new ReliabilityMeasurement(subject, at, value, customer)),
        (1, v.For(typeof(ReliabilityMeasurement))!.Select(m => (ReliabilityMeasurement)m!)));

    private static Gen<ExperienceEvent> Events(FuzzValues v) => Gen.Frequency(
        (4, from c in Gen.Frequency((4, Gen.Choose(0, 31).Select(c => "c" + c.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))), (1, HostileIds))
            from tp in Gen.Frequency((5, Gen.Elements(Framework.Touchpoints.Select(t => t.Id).ToArray())), (1, HostileIds))
            from at in ScenarioInstants
            from o in Gen.Elements(ExperienceOutcome.Unknown, ExperienceOutcome.Reliable, ExperienceOutcome.Unreliable, ExperienceOutcome.Unreliable, (ExperienceOutcome)77)
            select new ExperienceEvent(CustomerId.From(c), tp, at, o)),
        (1, v.For(typeof(ExperienceEvent))!.Select(e => (ExperienceEvent)e!)));

    /// <summary>Erosion inputs: the scenarios, the sample company, one customer, values near long.MaxValue minor units,
    /// and scenarios with hostile measurements and events added.</summary>
    private static Gen<ErosionInput> Inputs(FuzzValues v) => Gen.Frequency(
        (4, Scenarios.Select(s => s.Input())),
        (1, Gen.Constant(0).Select(_ => CompanyInput.Value)),
        (1, from value in Gen.Elements(1L, 100L, long.MaxValue / 4, long.MaxValue / 2, long.MaxValue - 1)
            from months in Gen.Choose(1, 9)
            from customers in Gen.Choose(1, 3)
            from measurements in Measurements(v).ArrayOf()
            from events in Events(v).ArrayOf()
            select TryInput(HugeLedger(value, months, customers), measurements, events)),
        (2, from s in Scenarios
            from measurements in Measurements(v).ArrayOf()
            from events in Events(v).ArrayOf()
            select TryInput(s.Input().Ledger, [.. s.Measurements, .. measurements], [.. s.Events, .. events])));

    private static readonly Gen<EarlyWarningOptions> Options = Gen.Frequency(
        (4, Gen.Elements(new EarlyWarningOptions(), new EarlyWarningOptions { MinimumExposedCount = 3, Horizon = 2 }, new EarlyWarningOptions { Horizon = 1, PriorityCount = 1, TenureBandStarts = [] })),
        (3, from horizon in Gen.Frequency((3, Gen.Choose(1, 9)), (1, Ints))
            from level in Gen.Frequency((3, Gen.Elements(0.8, 0.95, 0.99)), (1, Doubles))
            from minimum in Gen.Frequency((3, Gen.Choose(1, 40)), (1, Ints))
            from bands in Gen.Frequency((3, Gen.Elements<int[]>([], [3, 12, 24], [1], [1, 2, 3, 4, 5])), (1, Ints.ArrayOf()), (1, Gen.Constant<int[]>(null!)))
            from zone in Gen.Frequency((5, Zones), (1, Gen.Constant<DateTimeZone>(null!)))
            from count in Gen.Frequency((3, Gen.Choose(1, 8)), (1, Ints))
            from weights in Gen.Frequency((3, Gen.Elements(0.0, 0.25, 0.5, 1.0)), (2, Doubles)).ArrayOf(4)
            select new EarlyWarningOptions
            {
                Horizon = horizon, ConfidenceLevel = level, MinimumExposedCount = minimum, TenureBandStarts = bands, TimeZone = zone, PriorityCount = count,
                RevenueAtRiskWeight = weights[0], SignalWeight = weights[1], StageLossWeight = weights[2], ComplaintWeight = weights[3],
            }));

    /// <summary>Columns over the scenario's standards and journey: valid rows mostly, and indexes that point nowhere, instants
    /// at the ends of long, NaN and infinite values, undefined outcomes (columns of different lengths are the constructor's own target).</summary>
    private static readonly Gen<ErosionColumns> Columns =
        from s in Scenarios
        from n in Gen.Choose(0, 40)
        from standards in Gen.Frequency((6, Gen.Choose(0, 1)), (1, Ints)).ArrayOf(n)
        from customers in Gen.Frequency((6, Gen.Choose(-1, 5)), (1, Ints)).ArrayOf(n)
        from ticks in Gen.Frequency((6, ScenarioInstants.Select(i => i.ToUnixTimeTicks())), (1, Longs)).ArrayOf(n)
        from values in Gen.Frequency((6, Gen.Choose(0, 48).Select(i => (double)i)), (1, Doubles)).ArrayOf(n)
        from e in Gen.Choose(0, 40)
        from touchpoints in Gen.Frequency((6, Gen.Choose(0, Framework.Touchpoints.Count - 1)), (1, Ints)).ArrayOf(e)
        from eventCustomers in Gen.Frequency((6, Gen.Choose(0, 1)), (1, Ints)).ArrayOf(e)
        from eventTicks in Gen.Frequency((6, ScenarioInstants.Select(i => i.ToUnixTimeTicks())), (1, Longs)).ArrayOf(e)
        from outcomes in Gen.Elements(ExperienceOutcome.Unknown, ExperienceOutcome.Reliable, ExperienceOutcome.Unreliable, (ExperienceOutcome)77).ArrayOf(e)
        let input = s.Input()
        select new ErosionColumns(input.Ledger, input.Framework, input.Standards, standards, customers, ticks, values, touchpoints, eventCustomers, eventTicks, outcomes);

    private static readonly Lazy<ErosionAnalysis[]> Analyses = new(() =>
    {
        ErosionScenario[] scenarios = Scenarios.Sample(4, new Rnd(41UL, 0x9E3779B97F4A7C15UL), 30);
        var calculator = new RevenueErosionCalculator(new EarlyWarningOptions { MinimumExposedCount = 3, Horizon = 2 });
        return [.. scenarios.Select(s => calculator.Analyze(s.Input())), new RevenueErosionCalculator().Analyze(CompanyInput.Value)];
    });

    /// <summary>Periods of the scenarios' grid mostly, of the sample company's, and of the harness's grids at the ends of time.</summary>
    private static Gen<object?> Periods(FuzzValues v) => Gen.Frequency(
        (4, Gen.Choose(0, ErosionScenario.Grid.Count - 1).Select(i => (object?)ErosionScenario.Grid[i])),
        (1, Gen.Choose(0, 1000).Select(i => (object?)DomainFuzz.Company.Value.Grid[i % DomainFuzz.Company.Value.Grid.Count])),
        (1, v.For(typeof(GridPeriod))!));

    public void Register(FuzzRegistry registry)
    {
        FuzzRegistry r = registry;
        FuzzValues v = r.Values;
        Gen<ErosionInput> inputs = Inputs(v);
        v.Add(inputs);
        v.Add(Options);
        v.Add(Calculators);
        v.Add(Columns);
        v.Add(Gen.Elements(0, 1, 2, 3, 4).Select(i => Analyses.Value[i]));
        Gen<ErosionSubject> subjects = from i in Gen.Choose(0, 4) from k in Gen.Choose(0, 1000) select Analyses.Value[i].Subjects[k % Analyses.Value[i].Subjects.Count];
        v.Add(subjects);
        Gen<ImpactEstimate> impacts = from s in subjects from p in Gen.Choose(0, 1000) select s.Impact(s.Periods[p % s.Periods.Count].Period);
        v.Add(impacts);
        v.Add(from i in impacts from exposed in Gen.Elements(true, false) select (exposed ? i.LossShare.Exposed : i.LossShare.Unexposed));
        v.Add(from s in subjects from p in Gen.Choose(0, 1000) select s.RevenueAtRisk(s.Periods[p % s.Periods.Count].Period));
        v.Add(from i in impacts from k in Gen.Choose(0, 2) select (k switch { 0 => i.LossShare.ExcessShare, 1 => i.Churn.RiskDifference, _ => i.Churn.RiskRatio }) ?? default);
        v.Add(Gen.Frequency((4, Gen.Constant<ListeningReport>(null!)), (1, Gen.Constant(0).Select(_ => CompanyListening.Value))));

        v.ForParameter(p => p.Member.DeclaringType == typeof(RevenueErosionCalculator) && p.ParameterType == typeof(GridPeriod), Periods(v));
        v.ForParameter(p => p.Member.DeclaringType == typeof(ErosionSubject) && p.ParameterType == typeof(GridPeriod), Periods(v));
        v.ForParameter(p => p.Member.DeclaringType == typeof(RevenueErosionCalculator) && p.ParameterType == typeof(Instant), ScenarioInstants.Select(i => (object?)i));
        v.ForParameter(p => p.Member.DeclaringType == typeof(ErosionAnalysis) && p.Name is "standardId" or "touchpointId",
            Gen.Frequency((4, Gen.Elements<string?>([.. StandardIds, .. Framework.Touchpoints.Select(t => t.Id), .. DomainFuzz.Company.Value.ReliabilityStandards.Standards.Select(s => s.Id)])), (2, Strings)).Select(x => (object?)x));
        v.ForParameter(p => p.Member.DeclaringType == typeof(ErosionAnalysis) && p.Name == "label",
            Gen.Frequency((4, Gen.Elements<string?>([.. ErosionScenario.Grid.Periods.Select(g => g.Label)])), (2, Strings)).Select(x => (object?)x));

        // Analyses are the costliest targets (a scenario has up to 120 measurements and 80 events; Report adds attribution
        // and the reliability evaluation): fewer cases, still every shape.
        foreach (MethodInfo m in typeof(RevenueErosionCalculator).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name is "Report" or "Backtest"))
        {
            r.CaseLimits[m] = 8;
        }

        RegisterLaws(r);
    }

    private static void RegisterLaws(FuzzRegistry r)
    {
        MethodInfo analyze = typeof(RevenueErosionCalculator).GetMethod(nameof(RevenueErosionCalculator.Analyze), [typeof(ErosionInput), typeof(EarlyWarningOptions)])!;
        r.Law(analyze, (a, result) =>
        {
            var analysis = (ErosionAnalysis)result!;
            var input = (ErosionInput)a[0]!;
            AnalysisLaws(analysis);

            // Order independence (ErosionInput: "the sequences ... in any order"): reversed measurements and events give the
            // same analysis, to the last digit.
            if (input.Measurements.Count + input.Events.Count <= 2_000)
            {
                var calculator = new RevenueErosionCalculator();
                var options = (EarlyWarningOptions?)a[1] ?? new EarlyWarningOptions { MinimumExposedCount = 3, Horizon = 2 };
                ErosionInput reversed = ErosionInput.Create(input.Ledger, input.Framework, input.Standards, input.Measurements.Reverse(), input.Events.Reverse());
                Law(ErosionScenario.Render(calculator.Analyze(reversed, options)) == ErosionScenario.Render(calculator.Analyze(input, options)), "the analysis depends on the order of the measurements and events");
            }
        });
        r.Law(typeof(RevenueErosionCalculator).GetMethod(nameof(RevenueErosionCalculator.Analyze), [typeof(ErosionColumns), typeof(EarlyWarningOptions)])!, (_, result) => AnalysisLaws((ErosionAnalysis)result!));
        foreach (MethodInfo report in typeof(RevenueErosionCalculator).GetMethods().Where(m => m.Name == nameof(RevenueErosionCalculator.Report)))
        {
            r.Law(report, (a, result) =>
            {
                var rep = (ErosionReport)result!;
                var options = (EarlyWarningOptions?)a[2];
                ReportLaws(rep, options?.PriorityCount ?? DefaultPriorityCount);

                // Deterministic: the same arguments give the same priorities and warnings.
                if (options is not null)
                {
                    object? again = report.Invoke(new RevenueErosionCalculator(), a[..^1]); // the instance comes last
                    Law(Render((ErosionReport)again!) == Render(rep), "the report differs on a second call with the same arguments");
                }
            });
        }

        r.Law(typeof(RevenueErosionCalculator).GetMethod(nameof(RevenueErosionCalculator.Backtest))!, (_, result) =>
        {
            var backtest = (PriorityBacktest)result!;
            foreach (PriorityBacktestPeriod p in backtest.Periods)
            {
                Law(p.RandomPicksBeaten is not { } beaten || beaten is >= 0 and <= 1, $"a backtest period beats a fraction {p.RandomPicksBeaten} of the random picks");
                Law(p.Ratio is not { } ratio || (double.IsFinite(ratio) && ratio >= 0), $"a backtest period has the ratio {p.Ratio}");
            }
        });
        r.Law(typeof(ErosionSubject).GetMethod(nameof(ErosionSubject.RevenueAtRisk))!, (_, result) => RiskLaws((RevenueAtRisk)result!));
        r.Law(typeof(ErosionAnalysis).GetMethod(nameof(ErosionAnalysis.ForStandard))!, (a, result) => Law(((ErosionSubject)result!).Id == (string)a[0]!, "ForStandard returned another standard"));
        r.Law(typeof(ErosionAnalysis).GetMethod(nameof(ErosionAnalysis.ForTouchpoint))!, (a, result) => Law(((ErosionSubject)result!).Id == (string)a[0]!, "ForTouchpoint returned another touchpoint"));
    }

    /// <summary>Every subject's exposure conserves its active customers and value, and every period's revenue at risk obeys
    /// <see cref="RiskLaws"/>.</summary>
    private static void AnalysisLaws(ErosionAnalysis analysis)
    {
        foreach (ErosionSubject subject in analysis.Subjects)
        {
            foreach (PeriodExposure e in subject.Periods)
            {
                Law(e.ActiveCustomerCount == e.ExposedActiveCustomerCount + e.UnexposedActiveCustomerCount && e.ActiveValue == e.ExposedValue + e.UnexposedValue,
                    $"{subject.Id} {e.Period}: the exposed and unexposed do not add up to the active ({e})");
                Law(e.ExposedValue >= 0 && e.UnexposedValue >= 0, $"{subject.Id} {e.Period}: a negative exposed or unexposed value ({e})");
                RiskLaws(subject.RevenueAtRisk(e.Period));
            }
        }
    }

    /// <summary>Revenue at risk is the exposed value times an excess loss share in [-1, 1] (a difference of two shares of
    /// value lost): never more than the exposed value either way, inside its own interval.</summary>
    private static void RiskLaws(RevenueAtRisk risk)
    {
        Law(risk.ExposedValue >= 0, $"revenue at risk with a negative exposed value {risk.ExposedValue}");
        if (risk.Estimate is { } estimate)
        {
            Law(Math.Abs((decimal)estimate) <= risk.ExposedValue, $"revenue at risk {estimate} exceeds the exposed value {risk.ExposedValue}");
            Law(risk.Lower <= estimate && estimate <= risk.Upper, $"revenue at risk {estimate} outside its interval [{risk.Lower}, {risk.Upper}]");
            Law(risk.ExcessShare is { } share && double.IsFinite(share.Estimate) && share.Estimate is >= -1 and <= 1, $"an excess loss share {risk.ExcessShare} outside [-1, 1]");
        }
    }

    /// <summary>The priorities are the head of the ranked touchpoints, ranked 1 to n by a non-increasing score whose parts lie
    /// in [0, 1], at most the requested count, one per touchpoint; the warnings' revenue at risk obeys <see cref="RiskLaws"/>.</summary>
    private static void ReportLaws(ErosionReport report, int priorityCount)
    {
        Law(report.Priorities.Count <= priorityCount, $"{report.Priorities.Count} priorities listed, {priorityCount} asked for");
        Law(report.Priorities.SequenceEqual(report.RankedTouchpoints.Take(report.Priorities.Count)), "the priorities are not the head of the ranked touchpoints");
        Law(report.RankedTouchpoints.Select(p => p.Touchpoint.Id).Distinct(StringComparer.Ordinal).Count() == report.RankedTouchpoints.Count, "a touchpoint is ranked twice");
        for (int i = 0; i < report.RankedTouchpoints.Count; i++)
        {
            Priority p = report.RankedTouchpoints[i];
            Law(p.Rank == i + 1, $"the priority at position {i} has rank {p.Rank}");
            PriorityScore s = p.Score;
            Law(double.IsFinite(s.Value), $"priority {p.Rank} has the score {s.Value}");
            Law(new[] { s.RevenueAtRiskPart, s.SignalPart, s.StageLossPart, s.ComplaintPart ?? 0 }.All(x => x is >= 0 and <= 1), $"a part of priority {p.Rank}'s score lies outside [0, 1]: {s}");
            Law(i == 0 || report.RankedTouchpoints[i - 1].Score.Value >= s.Value, i == 0 ? string.Empty : $"priority {p.Rank} scores {s.Value}, more than priority {i} ({report.RankedTouchpoints[i - 1].Score.Value})");
            RiskLaws(p.RevenueAtRisk);
        }

        foreach (StandardWarning w in report.Warnings)
        {
            RiskLaws(w.RevenueAtRisk);
            Law(w.ExposedValueSoFar >= 0 && w.ExpectedFurtherExposedValue >= 0, $"warning {w.Standard.Id} has a negative exposed value ({w.ExposedValueSoFar}, {w.ExpectedFurtherExposedValue})");
        }
    }

    private static string Render(ErosionReport report) =>
        string.Join("\n", report.RankedTouchpoints.Select(p => $"{p.Rank} {p.Touchpoint.Id} {p.Score} {p.Why}"))
        + "\n" + string.Join("\n", report.Warnings.Select(w => $"{w.Standard.Id} {w.RevenueAtRisk} {w}"))
        + "\n" + string.Join("\n", report.Budgets.Select(b => b.ToString()));

    /// <summary>A ledger on the scenario's grid whose customers are each worth <paramref name="value"/> minor units a month.</summary>
    private static AssetLedger HugeLedger(long value, int months, int customers)
    {
        var records = new List<AssetRecord>();
        for (int c = 0; c < customers; c++)
        {
            for (int m = 0; m < months; m++)
            {
                records.Add(new AssetRecord(CustomerId.From("c" + c.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), new LocalDate(2023, 12, 10).PlusMonths(m), Money.FromMinorUnits(value, Currency.Usd)));
            }
        }

        try
        {
            return AssetLedger.FromRecords(records, ErosionScenario.Grid);
        }
        catch (CxValidationException)
        {
            // The month's total overflows: one customer of that value.
            return AssetLedger.FromRecords(records.Where(r => r.Customer == CustomerId.From("c00")), ErosionScenario.Grid);
        }
    }

    private static ErosionInput TryInput(AssetLedger ledger, IEnumerable<ReliabilityMeasurement> measurements, IEnumerable<ExperienceEvent> events) =>
        ErosionInput.Create(ledger, Framework, ErosionScenarioStandards.Value, measurements, events);

    private static readonly Lazy<ReliabilityStandardSet> ErosionScenarioStandards = new(() => Scenarios.Sample(1, new Rnd(1UL, 3UL), 5)[0].Standards);

    private static void Law(bool holds, string message)
    {
        if (!holds)
        {
            throw new LawException(message);
        }
    }
}
