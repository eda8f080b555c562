#:project ../src/Cx.Domain/Cx.Domain.csproj
#:property PublishAot=false
using System.Globalization;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using NodaTime;

// How the default early-warning policy was chosen: every candidate differs from the default in one setting and is
// backtested on the sample company and on the scenario suite (seed 2026), and the table in docs/concepts/reliability.md
// is this program's output. Tune your own policies the same way: change a candidate, run, compare.
//
//   dotnet run examples/early-warning-tuning.cs [replicates]      (default 6 scenarios per kind and volume; a few minutes)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
int replicates = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 6;

EarlyWarningPolicy d = EarlyWarningPolicy.Default;
BurnRateRules Rules(bool sloth = true, int bad = 3, bool traffic = true, double? confidence = 0.95) =>
    BurnRateRules.Create(includeSlothTicket: sloth, minimumBadEventsInLongWindow: bad, trafficAware: traffic, significanceConfidence: confidence);
EarlyWarningPolicy[] candidates =
[
    EarlyWarningPolicy.Legacy,
    d,
    d.WithName("no Sloth ticket").WithBurnRate(Rules(sloth: false)),
    d.WithName("no bad-event gate").WithBurnRate(Rules(bad: 0)),
    d.WithName("no traffic gate").WithBurnRate(Rules(traffic: false)),
    d.WithName("no significance").WithBurnRate(Rules(confidence: null)),
    d.WithName("significance 90%").WithBurnRate(Rules(confidence: 0.9)),
    d.WithName("no Bernoulli CUSUM").WithBernoulliCusum(null),
    d.WithName("Bernoulli p1 = 2 p0").WithBernoulliCusum(BernoulliCusumDetector.Create(designShareFactor: 2)),
    d.WithName("Bernoulli ANSS0 1 window").WithBernoulliCusum(BernoulliCusumDetector.Create(targetInControlWindows: 1)),
    d.WithName("Bernoulli ANSS0 4 windows").WithBernoulliCusum(BernoulliCusumDetector.Create(targetInControlWindows: 4)),
    d.WithName("no value drift").WithValueDrift(null),
    d.WithName("drift tolerating 0").WithValueDrift(ValueDriftDetector.Create(toleratedShiftShare: 0)),
    d.WithName("drift tolerating 25%").WithValueDrift(ValueDriftDetector.Create(toleratedShiftShare: 0.25)),
    d.WithName("drift ARL0 2,000").WithValueDrift(ValueDriftDetector.Create(targetInControlSubgroups: 2000)),
    d.WithName("quiet 2h").WithEpisodes(Duration.FromHours(2), null),
    d.WithName("quiet 1d").WithEpisodes(Duration.FromDays(1), null),
];

var evaluator = new ReliabilityEvaluator();
SampleCompany company = SampleCompany.Generate();
BacktestComparison sample = evaluator.Compare(company.ReliabilityStandards, company.ReliabilityMeasurements, candidates);
IReadOnlyList<ReliabilityScenario> suite = ReliabilityScenarios.Suite(2026, replicates);
Instant referenceEnd = suite[0].Standard.ReferenceInterval!.Value.End;
BacktestComparison scenarios = evaluator.Compare(ReliabilityScenarios.Standards(suite), suite.SelectMany(s => s.Measurements), candidates, from: referenceEnd);

Console.WriteLine($"Sample company (seed {company.Seed}) and {suite.Count} scenarios (seed 2026, {replicates} per kind and volume), backtested from the end of the reference days.");
Console.WriteLine();
Console.WriteLine("| policy | sample: warned | precision | episodes (false) | median lead | in control: false per 90 days at 5 / 20 / 200 a day | breaks warned before the breach | drifts warned before the breach | outages: false per 90 days | outliers: false per 90 days |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (int p = 0; p < candidates.Length; p++)
{
    WarningScorecard s = sample.Backtests[p].Scorecard;
    Dictionary<string, StandardBacktest> byId = scenarios.Backtests[p].Standards.ToDictionary(b => b.Standard.Id);
    string InControl(int volume)
    {
        List<StandardBacktest> b = [.. suite.Where(x => x.Kind == ScenarioKind.InControl && x.EventsPerDay == volume).Select(x => byId[x.Standard.Id])];
        return (b.Sum(x => x.Scorecard.FalseEpisodeCount) * 90 / b.Sum(x => x.Scorecard.Span.TotalDays)).ToString("0.00", CultureInfo.InvariantCulture);
    }

    string WarnedFirst(ScenarioKind kind)
    {
        int caused = 0;
        int warned = 0;
        foreach (ReliabilityScenario x in suite.Where(x => x.Kind == kind))
        {
            ScenarioChange c = x.Changes[0];
            BacktestBreach? first = byId[x.Standard.Id].Breaches.FirstOrDefault(b => b.At >= c.Start && (c.End is not { } end || b.At <= end + x.Standard.Window.NominalLength));
            caused += first is null ? 0 : 1;
            warned += first?.FirstWarningAt is null ? 0 : 1;
        }

        return $"{warned}/{caused} ({100.0 * warned / caused:0}%)";
    }

    string Rate(ScenarioKind kind)
    {
        List<StandardBacktest> b = [.. suite.Where(x => x.Kind == kind).Select(x => byId[x.Standard.Id])];
        return (b.Sum(x => x.Scorecard.FalseEpisodeCount) * 90 / b.Sum(x => x.Scorecard.Span.TotalDays)).ToString("0.00", CultureInfo.InvariantCulture);
    }

    Console.WriteLine(
        $"| {candidates[p].Name} | {s.WarnedBreachCount}/{s.BreachCount} | {s.Precision * 100:0}% | {s.EpisodeCount} ({s.FalseEpisodeCount}) | {s.MedianLeadTime?.TotalDays:0.0} d " +
        $"| {InControl(5)} / {InControl(20)} / {InControl(200)} | {WarnedFirst(ScenarioKind.SuddenBreak)} | {WarnedFirst(ScenarioKind.SlowDrift)} | {Rate(ScenarioKind.IntermittentOutages)} | {Rate(ScenarioKind.SingleOutliers)} |");
}
