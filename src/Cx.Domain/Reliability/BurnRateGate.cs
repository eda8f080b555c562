using System.Globalization;
using Cx.Domain.Internal;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>Whether a burn-rate rule fires from the counts of its windows, with every evidence gate of
/// <see cref="BurnRateRules"/>: one function for the as-of evaluation, merged partial counts and the backtest.</summary>
internal static class BurnRateGate
{
    /// <summary>The share of the whole window's budget a rule stands for: its own, or factor × long / window.</summary>
    public static double BudgetShare(BurnRateWindowPair pair, Duration window) =>
        pair.BudgetShare ?? (pair.Factor * pair.LongWindow.BclCompatibleTicks / (double)window.BclCompatibleTicks);

    public static bool Fires(BurnRateWindowPair pair, long longEvents, long longBad, long shortEvents, long shortBad, long windowEvents, ReliabilityStandard standard, BurnRateRules rules) =>
        Evaluate(pair, longEvents, longBad, shortEvents, shortBad, windowEvents, standard, rules, out _);

    /// <summary>Evaluates the rule; <paramref name="pValue"/> is the significance test's p-value when it ran.</summary>
    public static bool Evaluate(
        BurnRateWindowPair pair, long longEvents, long longBad, long shortEvents, long shortBad, long windowEvents, ReliabilityStandard standard, BurnRateRules rules, out double? pValue)
    {
        pValue = null;
        if (longEvents < rules.MinimumEventsInLongWindow || longBad < rules.MinimumBadEventsInLongWindow || longBad == 0)
        {
            return false;
        }

        double allowed = standard.Allowed.Double;
        if (!(BurnRateAlert.Burn(longEvents, longBad, standard) > pair.Factor && BurnRateAlert.Burn(shortEvents, shortBad, standard) > pair.Factor))
        {
            return false;
        }

        double thresholdShare = pair.Factor * allowed;
        if (rules.TrafficAware)
        {
            double thresholdBad = BudgetShare(pair, standard.Window.NominalLength) * allowed * windowEvents;
            if (!(longBad > thresholdBad))
            {
                return false;
            }

            thresholdShare = Math.Max(thresholdShare, thresholdBad / longEvents);
        }

        if (rules.SignificanceConfidence is { } confidence)
        {
            if (thresholdShare >= 1)
            {
                return false;
            }

            pValue = Distributions.BinomialUpperTail(longBad, longEvents, thresholdShare);
            return pValue <= 1 - confidence;
        }

        return true;
    }

    /// <summary>The rule and its figures in words, such as <c>ticket: burn rate 2.1 over 3d (n=60, bad 6) and 3.33 over 6h
    /// (n=6, bad 1) exceed 1; 6 bad over 4.5 (traffic-aware); p 0.031</c>.</summary>
    public static string Describe(
        BurnRateWindowPair pair, long longEvents, long longBad, long shortEvents, long shortBad, long windowEvents, ReliabilityStandard standard, BurnRateRules rules)
    {
        Evaluate(pair, longEvents, longBad, shortEvents, shortBad, windowEvents, standard, rules, out double? p);
        string text = string.Create(
            CultureInfo.InvariantCulture,
            $"{pair.Severity.ToString().ToLowerInvariant()}: burn rate {BurnRateAlert.Burn(longEvents, longBad, standard):0.##} over {DurationText.Format(pair.LongWindow)} (n={longEvents}, bad {longBad}) and {BurnRateAlert.Burn(shortEvents, shortBad, standard):0.##} over {DurationText.Format(pair.ShortWindow)} (n={shortEvents}, bad {shortBad}) exceed {pair.Factor:0.##}");
        if (rules.TrafficAware)
        {
            double share = BudgetShare(pair, standard.Window.NominalLength);
            double thresholdBad = share * standard.Allowed.Double * windowEvents;
            text += string.Create(CultureInfo.InvariantCulture, $"; {longBad} bad over {DurationText.Format(pair.LongWindow)} against {thresholdBad:0.##}, {share * 100:0.##}% of the budget of the last {DurationText.Format(standard.Window.NominalLength)} ({windowEvents} events)");
        }

        if (p is { } pv)
        {
            // Four significant digits, so that a p just below the gate's 1 - confidence never reads as equal to it.
            text += pv < 0.0001 ? "; binomial p < 0.0001" : string.Create(CultureInfo.InvariantCulture, $"; binomial p {pv:G4}");
        }

        return text;
    }
}
