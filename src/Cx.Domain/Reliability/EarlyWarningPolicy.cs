using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>Which early-warning detectors run on a standard, with their settings, and how their firings group into
/// warning episodes: a value callers compose and compare in backtests.</summary>
/// <remarks>
/// <para>Detectors (any may be left out, but not all): <see cref="BurnRate"/> (multi-window burn-rate rules with evidence
/// gates), <see cref="BernoulliCusum"/> (a CUSUM on the pass/fail stream), <see cref="ValueDrift"/> (a robust CUSUM on
/// subgroup means of the values) and <see cref="IndividualCharts"/> (EWMA and CUSUM on every raw value, the detectors
/// before episodes existed).</para>
/// <para>Episodes: a warning episode of a standard opens at the first judged instant at which any detector fires (never
/// while the standard's current window is already breached: the breach is the louder signal), records each detector that
/// joins and each rise in severity, and closes at the first judged instant after <see cref="QuietPeriodFor"/> with nothing
/// firing. In a backtest an episode is true when a breach of the standard begins while it is open or within
/// <see cref="TrueEpisodeHorizonFor"/> after it opens, otherwise false.</para>
/// <para><see cref="Default"/> is the measured default (its choice is documented with the table of candidates in
/// <c>docs/concepts/reliability.md</c>); <see cref="Legacy"/> is the policy before episodes: the workbook's rules with a
/// 10-event gate and the individual-value charts. Compose with the <c>With</c> methods; read and write JSON with
/// <see cref="EarlyWarningPolicyJson"/>. Immutable.</para>
/// </remarks>
public sealed class EarlyWarningPolicy
{
    private EarlyWarningPolicy(
        string name, BurnRateRules? burnRate, BernoulliCusumDetector? bernoulliCusum, ValueDriftDetector? valueDrift, IndividualValueCharts? individualCharts,
        Duration? quietPeriod, Duration? trueEpisodeHorizon)
    {
        Name = name;
        BurnRate = burnRate;
        BernoulliCusum = bernoulliCusum;
        ValueDrift = valueDrift;
        IndividualCharts = individualCharts;
        QuietPeriod = quietPeriod;
        TrueEpisodeHorizon = trueEpisodeHorizon;
    }

    /// <summary>Gets the default policy: the SRE workbook's rules and Sloth's ticket rule behind evidence gates (at least 3
    /// bad events, the traffic-aware threshold, significant at 95%), the Bernoulli CUSUM (p1 = 4 p0, in-control ANSS 2
    /// windows of events) and the robust daily value drift (tolerating 10% of the breaching shift, ARL 50,000 days there);
    /// quiet period and horizon by default.</summary>
    public static EarlyWarningPolicy Default { get; } = new(
        "default",
        BurnRateRules.Create(includeSlothTicket: true, minimumBadEventsInLongWindow: 3, trafficAware: true, significanceConfidence: 0.95),
        BernoulliCusumDetector.Create(),
        ValueDriftDetector.Create(),
        null,
        null,
        null);

    /// <summary>Gets the policy before episodes: the SRE workbook's three rules with a 10-event gate, and the EWMA and CUSUM
    /// on every value with a memory of the longest long window.</summary>
    public static EarlyWarningPolicy Legacy { get; } = new("legacy", BurnRateRules.Create(), null, null, IndividualValueCharts.Create(), null, null);

    /// <summary>Gets the policy's name, used in comparisons.</summary>
    public string Name { get; }

    /// <summary>Gets the burn-rate rules, or null for none.</summary>
    public BurnRateRules? BurnRate { get; }

    /// <summary>Gets the Bernoulli CUSUM on the pass/fail stream, or null for none.</summary>
    public BernoulliCusumDetector? BernoulliCusum { get; }

    /// <summary>Gets the robust value-drift detector, or null for none. It needs a standard with a baseline or reference
    /// interval.</summary>
    public ValueDriftDetector? ValueDrift { get; }

    /// <summary>Gets the individual-value charts, or null for none. They need a standard with a baseline or reference interval.</summary>
    public IndividualValueCharts? IndividualCharts { get; }

    /// <summary>Gets how long nothing must fire before an episode closes, or null for the longest short window of each
    /// standard's burn-rate rules (6 hours for a 30-day window).</summary>
    public Duration? QuietPeriod { get; }

    /// <summary>Gets how long after an episode opens a breach still makes it true, or null for each standard's window length.</summary>
    public Duration? TrueEpisodeHorizon { get; }

    /// <summary>Creates a policy.</summary>
    /// <param name="name">The name, not blank.</param>
    /// <param name="burnRate">The burn-rate rules, or null.</param>
    /// <param name="bernoulliCusum">The Bernoulli CUSUM, or null.</param>
    /// <param name="valueDrift">The value-drift detector, or null.</param>
    /// <param name="individualCharts">The individual-value charts, or null.</param>
    /// <param name="quietPeriod">The quiet period, positive, or null for the default.</param>
    /// <param name="trueEpisodeHorizon">The true-episode horizon, positive, or null for the default.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="CxValidationException">No detector, a blank name or a duration that is not positive (CX0519).</exception>
    public static EarlyWarningPolicy Create(
        string name, BurnRateRules? burnRate, BernoulliCusumDetector? bernoulliCusum = null, ValueDriftDetector? valueDrift = null,
        IndividualValueCharts? individualCharts = null, Duration? quietPeriod = null, Duration? trueEpisodeHorizon = null)
    {
        var failures = new FailureCollector();
        string subject = $"early-warning policy '{name}'";
        if (string.IsNullOrWhiteSpace(name))
        {
            failures.Add(null, "early-warning policy", "Name", CxErrorCodes.EarlyWarningPolicyInvalid, "Expected a policy name such as 'default' or 'quiet', got a blank one.");
        }

        if (burnRate is null && bernoulliCusum is null && valueDrift is null && individualCharts is null)
        {
            failures.Add(null, subject, "Detectors", CxErrorCodes.EarlyWarningPolicyInvalid, "Expected at least one detector (burn-rate rules, Bernoulli CUSUM, value drift or individual-value charts), got none. A policy without detectors never warns.");
        }

        if (quietPeriod is { } q && q <= Duration.Zero)
        {
            failures.Add(null, subject, "QuietPeriod", CxErrorCodes.EarlyWarningPolicyInvalid, $"Expected a positive quiet period (or none for the longest short window), got {DurationText.Format(q)}.");
        }

        if (trueEpisodeHorizon is { } h && h <= Duration.Zero)
        {
            failures.Add(null, subject, "TrueEpisodeHorizon", CxErrorCodes.EarlyWarningPolicyInvalid, $"Expected a positive true-episode horizon (or none for the standard's window), got {DurationText.Format(h)}.");
        }

        failures.ThrowIfAny(subject);
        return new EarlyWarningPolicy(name.Trim(), burnRate, bernoulliCusum, valueDrift, individualCharts, quietPeriod, trueEpisodeHorizon);
    }

    /// <summary>Returns this policy under another name.</summary>
    /// <param name="name">The name, not blank.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="CxValidationException">The name is blank (CX0519).</exception>
    public EarlyWarningPolicy WithName(string name) => Create(name, BurnRate, BernoulliCusum, ValueDrift, IndividualCharts, QuietPeriod, TrueEpisodeHorizon);

    /// <summary>Returns this policy with other burn-rate rules, or none.</summary>
    /// <param name="burnRate">The rules, or null.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="CxValidationException">The policy would have no detector (CX0519).</exception>
    public EarlyWarningPolicy WithBurnRate(BurnRateRules? burnRate) => Create(Name, burnRate, BernoulliCusum, ValueDrift, IndividualCharts, QuietPeriod, TrueEpisodeHorizon);

    /// <summary>Returns this policy with another Bernoulli CUSUM, or none.</summary>
    /// <param name="bernoulliCusum">The detector, or null.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="CxValidationException">The policy would have no detector (CX0519).</exception>
    public EarlyWarningPolicy WithBernoulliCusum(BernoulliCusumDetector? bernoulliCusum) => Create(Name, BurnRate, bernoulliCusum, ValueDrift, IndividualCharts, QuietPeriod, TrueEpisodeHorizon);

    /// <summary>Returns this policy with another value-drift detector, or none.</summary>
    /// <param name="valueDrift">The detector, or null.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="CxValidationException">The policy would have no detector (CX0519).</exception>
    public EarlyWarningPolicy WithValueDrift(ValueDriftDetector? valueDrift) => Create(Name, BurnRate, BernoulliCusum, valueDrift, IndividualCharts, QuietPeriod, TrueEpisodeHorizon);

    /// <summary>Returns this policy with other individual-value charts, or none.</summary>
    /// <param name="individualCharts">The charts, or null.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="CxValidationException">The policy would have no detector (CX0519).</exception>
    public EarlyWarningPolicy WithIndividualCharts(IndividualValueCharts? individualCharts) => Create(Name, BurnRate, BernoulliCusum, ValueDrift, individualCharts, QuietPeriod, TrueEpisodeHorizon);

    /// <summary>Returns this policy with other episode settings.</summary>
    /// <param name="quietPeriod">The quiet period, positive, or null for the default.</param>
    /// <param name="trueEpisodeHorizon">The true-episode horizon, positive, or null for the default.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="CxValidationException">A duration is not positive (CX0519).</exception>
    public EarlyWarningPolicy WithEpisodes(Duration? quietPeriod, Duration? trueEpisodeHorizon) => Create(Name, BurnRate, BernoulliCusum, ValueDrift, IndividualCharts, quietPeriod, trueEpisodeHorizon);

    /// <summary>Returns the burn-rate rules a standard gets: this policy's, or (without burn-rate rules) none.</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>The rules, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standard"/> is null.</exception>
    public BurnRatePolicy? BurnRatePolicyFor(ReliabilityStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return BurnRate?.PolicyFor(standard);
    }

    /// <summary>Returns a standard's quiet period: <see cref="QuietPeriod"/>, or the longest short window of its burn-rate
    /// rules (of the workbook's rules derived from its window when the policy has none).</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>The quiet period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standard"/> is null.</exception>
    public Duration QuietPeriodFor(ReliabilityStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return QuietPeriod ?? (BurnRatePolicyFor(standard) ?? BurnRatePolicy.Derive(standard.Window.NominalLength)).Pairs.Max(p => p.ShortWindow);
    }

    /// <summary>Returns a standard's true-episode horizon: <see cref="TrueEpisodeHorizon"/>, or its window's nominal length.</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>The horizon.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standard"/> is null.</exception>
    public Duration TrueEpisodeHorizonFor(ReliabilityStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return TrueEpisodeHorizon ?? standard.Window.NominalLength;
    }

    /// <summary>Returns the name and the detectors, separated by semicolons.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var parts = new List<string> { Name };
        if (BurnRate is not null)
        {
            parts.Add(BurnRate.ToString());
        }

        if (BernoulliCusum is not null)
        {
            parts.Add(BernoulliCusum.ToString());
        }

        if (ValueDrift is not null)
        {
            parts.Add(ValueDrift.ToString());
        }

        if (IndividualCharts is not null)
        {
            parts.Add(IndividualCharts.ToString());
        }

        if (QuietPeriod is { } q)
        {
            parts.Add("quiet " + DurationText.Format(q));
        }

        if (TrueEpisodeHorizon is { } h)
        {
            parts.Add("horizon " + DurationText.Format(h));
        }

        return string.Join("; ", parts);
    }
}
