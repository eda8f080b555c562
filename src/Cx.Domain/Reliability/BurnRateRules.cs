using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Reliability;

/// <summary>The burn-rate part of an <see cref="EarlyWarningPolicy"/>: which multi-window rules, and the evidence a rule
/// needs before it may fire on a low-volume stream.</summary>
/// <remarks>
/// <para>Rules: a fixed <see cref="BurnRatePolicy"/> for every standard, or (when <see cref="Policy"/> is null) the SRE
/// workbook's rules derived from each standard's window (<see cref="BurnRatePolicy.Derive(NodaTime.Duration, bool)"/>), with
/// Sloth's default ticket rule when <see cref="IncludesSlothTicket"/> is set.</para>
/// <para>Evidence gates, all of which must pass besides the rule's two burn rates:</para>
/// <list type="bullet">
/// <item><see cref="MinimumEventsInLongWindow"/>: the long window holds at least this many events.</item>
/// <item><see cref="MinimumBadEventsInLongWindow"/>: the long window holds at least this many bad events, so one or two
/// late test drives never fire a rule however few events there were.</item>
/// <item><see cref="TrafficAware"/>: the long window's bad events must also exceed the rule's budget share of the bad events
/// the whole standard window allows, <c>share × (1 - objective) × N_W</c> with <c>N_W</c> the events in the last standard
/// window length: the same absolute count whatever the traffic in the alert window (the threshold of Pyrra's dynamic burn
/// rates, pull request 1602). Pyrra uses it instead of the factor, so that busy hours alert sooner; here it is a gate on top
/// of the factor, so that a quiet night or weekend with a handful of events cannot fire a rule on one or two bad ones
/// (customer processes are never the busy side).</item>
/// <item><see cref="SignificanceConfidence"/>: a one-sided binomial test that the long window's bad share exceeds the rule's
/// threshold share (<c>factor × (1 - objective)</c>, or the traffic-aware share <c>share × (1 - objective) × N_W /
/// N_long</c> when higher) at this confidence: the rule fires only when <c>P(X ≥ bad | N_long, threshold share) ≤ 1 -
/// confidence</c>.</item>
/// </list>
/// <para>Immutable; compose with <see cref="Create"/>.</para>
/// </remarks>
public sealed class BurnRateRules
{
    /// <summary>The default fewest events in a rule's long window: one late test drive in an hour is not a trend.</summary>
    public const int DefaultMinimumEventsInLongWindow = 10;

    private BurnRateRules(BurnRatePolicy? policy, bool slothTicket, int minimumEvents, int minimumBad, bool trafficAware, double? confidence)
    {
        Policy = policy;
        IncludesSlothTicket = slothTicket;
        MinimumEventsInLongWindow = minimumEvents;
        MinimumBadEventsInLongWindow = minimumBad;
        TrafficAware = trafficAware;
        SignificanceConfidence = confidence;
    }

    /// <summary>Gets the fixed rules for every standard, or null to derive them from each standard's window.</summary>
    public BurnRatePolicy? Policy { get; }

    /// <summary>Gets a value indicating whether derived rules include Sloth's default ticket rule (3 over W/30 and W/360: 3x
    /// over 1 day and 2 hours for a 30-day window).</summary>
    public bool IncludesSlothTicket { get; }

    /// <summary>Gets the fewest events a rule's long window needs before the rule may fire.</summary>
    public int MinimumEventsInLongWindow { get; }

    /// <summary>Gets the fewest bad events a rule's long window needs before the rule may fire; 0 for no such gate.</summary>
    public int MinimumBadEventsInLongWindow { get; }

    /// <summary>Gets a value indicating whether the long window's bad events are compared with the budget share of the whole
    /// window's allowed bad events (the traffic-aware threshold) instead of its burn rate with the factor.</summary>
    public bool TrafficAware { get; }

    /// <summary>Gets the confidence of the one-sided binomial significance gate, in (0, 1), or null for no such gate.</summary>
    public double? SignificanceConfidence { get; }

    /// <summary>Creates burn-rate settings.</summary>
    /// <param name="policy">Fixed rules, or null (the default) to derive them from each standard's window.</param>
    /// <param name="includeSlothTicket">Whether derived rules include Sloth's ticket rule.</param>
    /// <param name="minimumEventsInLongWindow">The fewest events in a long window, at least 1.</param>
    /// <param name="minimumBadEventsInLongWindow">The fewest bad events in a long window, at least 0.</param>
    /// <param name="trafficAware">Whether to use the traffic-aware threshold.</param>
    /// <param name="significanceConfidence">The significance gate's confidence in (0, 1), or null for none.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="CxValidationException">A gate is out of range (CX0518).</exception>
    public static BurnRateRules Create(
        BurnRatePolicy? policy = null, bool includeSlothTicket = false, int minimumEventsInLongWindow = DefaultMinimumEventsInLongWindow,
        int minimumBadEventsInLongWindow = 0, bool trafficAware = false, double? significanceConfidence = null)
    {
        var failures = new FailureCollector();
        const string subject = "burn-rate rules";
        if (minimumEventsInLongWindow < 1)
        {
            failures.Add(null, subject, "MinimumEventsInLongWindow", CxErrorCodes.EarlyWarningDetectorInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected an evidence gate of at least 1 event, got {minimumEventsInLongWindow}."));
        }

        if (minimumBadEventsInLongWindow < 0)
        {
            failures.Add(null, subject, "MinimumBadEventsInLongWindow", CxErrorCodes.EarlyWarningDetectorInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a bad-event gate of at least 0, got {minimumBadEventsInLongWindow}."));
        }

        if (significanceConfidence is { } c && !(c > 0 && c < 1))
        {
            failures.Add(null, subject, "SignificanceConfidence", CxErrorCodes.EarlyWarningDetectorInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a confidence strictly between 0 and 1 (such as 0.95), or none, got {c}."));
        }

        failures.ThrowIfAny(subject);
        return new BurnRateRules(policy, includeSlothTicket, minimumEventsInLongWindow, minimumBadEventsInLongWindow, trafficAware, significanceConfidence);
    }

    /// <summary>Returns the rules a standard gets: <see cref="Policy"/>, or the rules derived from its window.</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standard"/> is null.</exception>
    public BurnRatePolicy PolicyFor(ReliabilityStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return Policy ?? BurnRatePolicy.Derive(standard.Window.NominalLength, IncludesSlothTicket);
    }

    /// <summary>Returns a short description such as <c>workbook rules, at least 10 events and 3 bad, traffic-aware,
    /// significant at 95%</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var parts = new List<string>
        {
            Policy is null ? (IncludesSlothTicket ? "workbook and Sloth ticket rules" : "workbook rules") : Policy.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"at least {MinimumEventsInLongWindow} events{(MinimumBadEventsInLongWindow > 0 ? $" and {MinimumBadEventsInLongWindow} bad" : string.Empty)}"),
        };
        if (TrafficAware)
        {
            parts.Add("traffic-aware");
        }

        if (SignificanceConfidence is { } c)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"significant at {c * 100:0.##}%"));
        }

        return string.Join(", ", parts);
    }
}
