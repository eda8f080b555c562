using System.Globalization;

namespace Cx.Domain.Reliability;

/// <summary>One burn-rate rule evaluated at an instant: the counts and burn rates of its long and short windows, and
/// whether it fires.</summary>
/// <remarks>It fires when both burn rates exceed the factor (strictly), or with the traffic-aware threshold when the long
/// window's bad events exceed the rule's share of the whole window's budget, and every evidence gate of the policy's
/// <see cref="BurnRateRules"/> passes (fewest events and bad events, significance).</remarks>
public sealed class BurnRateAlert
{
    internal BurnRateAlert(BurnRateWindowPair pair, long longEvents, long longBad, long shortEvents, long shortBad, long trafficEvents, ReliabilityStandard standard, BurnRateRules rules)
    {
        Pair = pair;
        LongEventCount = longEvents;
        LongBadEventCount = longBad;
        ShortEventCount = shortEvents;
        ShortBadEventCount = shortBad;
        LongBurnRate = Burn(longEvents, longBad, standard);
        ShortBurnRate = Burn(shortEvents, shortBad, standard);
        IsFiring = BurnRateGate.Fires(pair, longEvents, longBad, shortEvents, shortBad, trafficEvents, standard, rules);
    }

    /// <summary>Gets the rule.</summary>
    public BurnRateWindowPair Pair { get; }

    /// <summary>Gets the events in the long window.</summary>
    public long LongEventCount { get; }

    /// <summary>Gets the bad events in the long window.</summary>
    public long LongBadEventCount { get; }

    /// <summary>Gets the burn rate over the long window; 0 without events.</summary>
    public double LongBurnRate { get; }

    /// <summary>Gets the events in the short window.</summary>
    public long ShortEventCount { get; }

    /// <summary>Gets the bad events in the short window.</summary>
    public long ShortBadEventCount { get; }

    /// <summary>Gets the burn rate over the short window; 0 without events.</summary>
    public double ShortBurnRate { get; }

    /// <summary>Gets a value indicating whether the rule fires.</summary>
    public bool IsFiring { get; }

    internal static double Burn(long events, long bad, ReliabilityStandard standard) => standard.Allowed.Burn(events, bad);

    /// <summary>Returns a short description such as <c>page 14.4 over 1h/5m: 20.0 and 20.0, firing</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Pair.Severity.ToString().ToLowerInvariant()} {Pair.Factor:G4} over {DurationText.Format(Pair.LongWindow)}/{DurationText.Format(Pair.ShortWindow)}: {LongBurnRate:F2} (n={LongEventCount}) and {ShortBurnRate:F2} (n={ShortEventCount}){(IsFiring ? ", firing" : string.Empty)}");
}
