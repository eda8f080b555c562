using System.Collections.Immutable;
using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>A list of multi-window burn-rate rules; a standard is on watch while any of them fires.</summary>
/// <remarks>
/// <para><see cref="Derive(Duration)"/> builds the Google SRE workbook's recommended set ("Alerting on SLOs", multiwindow,
/// multi-burn-rate alerts) scaled to any window W: page when 2% of the budget goes in W/720, page when 5% goes in W/120,
/// ticket when 10% goes in W/10, each with a short window of a twelfth of the long one. The factor is the budget share
/// times W over the long window, so for W = 30 days the rules are 14.4 over 1h and 5m, 6 over 6h and 30m and 1 over 3d
/// and 6h, exactly the workbook's table; Sloth generates the same page rules. <see cref="Derive(Duration, bool)"/> can add
/// Sloth's default ticket rule too: ticket when 10% of the budget goes in W/30 (factor 3 over 1d and 2h for 30 days).</para>
/// <para>The burn rate over a window is <c>(bad / events) / (1 - objective)</c>: 1 spends the budget exactly by the end of
/// the window. A window with no events burns nothing.</para>
/// </remarks>
public sealed class BurnRatePolicy
{
    private static readonly (decimal Share, int Divisor, AlertSeverity Severity)[] SreRules =
    [
        (0.02m, 720, AlertSeverity.Page),
        (0.05m, 120, AlertSeverity.Page),
        (0.10m, 10, AlertSeverity.Ticket),
    ];

    private static readonly (decimal Share, int Divisor, AlertSeverity Severity) SlothTicket = (0.10m, 30, AlertSeverity.Ticket);

    private BurnRatePolicy(ImmutableArray<BurnRateWindowPair> pairs) => Pairs = pairs;

    /// <summary>Gets the rules, in the order given.</summary>
    public IReadOnlyList<BurnRateWindowPair> Pairs { get; }

    /// <summary>Gets the longest long window of the rules.</summary>
    public Duration LongestWindow => Pairs.Max(p => p.LongWindow);

    /// <summary>Gets the shortest short window of the rules.</summary>
    public Duration ShortestWindow => Pairs.Min(p => p.ShortWindow);

    /// <summary>Creates a policy from rules.</summary>
    /// <param name="pairs">At least one rule.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/> or one of its items is null.</exception>
    /// <exception cref="CxValidationException">No rules (CX0515).</exception>
    public static BurnRatePolicy Create(IEnumerable<BurnRateWindowPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ImmutableArray<BurnRateWindowPair> list = [.. pairs];
        foreach (BurnRateWindowPair pair in list)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(pairs));
        }

        if (list.IsEmpty)
        {
            var failures = new FailureCollector();
            failures.Add(null, "burn-rate policy", "Pairs", CxErrorCodes.BurnRatePolicyInvalid, "Expected at least one burn-rate rule, got none. Use BurnRatePolicy.Derive for the SRE workbook's set.");
            failures.ThrowIfAny("burn-rate policy");
        }

        return new BurnRatePolicy(list);
    }

    /// <summary>Derives the SRE workbook's three rules for a standard's window (see remarks).</summary>
    /// <param name="window">The standard's window length, at least one hour.</param>
    /// <returns>The policy: page 2% in W/720, page 5% in W/120, ticket 10% in W/10.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is shorter than one hour.</exception>
    public static BurnRatePolicy Derive(Duration window) => Derive(window, includeSlothTicket: false);

    /// <summary>Derives the SRE workbook's three rules for a standard's window, optionally with Sloth's default ticket rule
    /// (see remarks).</summary>
    /// <param name="window">The standard's window length, at least one hour.</param>
    /// <param name="includeSlothTicket">Whether to add the ticket rule 10% in W/30 (3x over 1d and 2h for 30 days), between
    /// the page rules and the workbook's ticket rule.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is shorter than one hour.</exception>
    public static BurnRatePolicy Derive(Duration window, bool includeSlothTicket)
    {
        if (window < Duration.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, $"Expected a standard window of at least one hour to derive burn-rate rules from, got {DurationText.Format(window)}.");
        }

        IEnumerable<(decimal Share, int Divisor, AlertSeverity Severity)> rules = includeSlothTicket ? [SreRules[0], SreRules[1], SlothTicket, SreRules[2]] : SreRules;
        return new BurnRatePolicy([.. rules.Select(r =>
        {
            Duration longWindow = window / r.Divisor;
            return BurnRateWindowPair.Create(longWindow, longWindow / 12, (double)(r.Share * r.Divisor), r.Severity, (double)r.Share);
        })]);
    }

    /// <summary>Checks the rules against a standard's window: every long window must fit in it.</summary>
    /// <param name="standard">The standard.</param>
    /// <param name="failures">Where failures go.</param>
    internal void Check(ReliabilityStandard standard, FailureCollector failures)
    {
        Duration window = standard.Window.NominalLength;
        foreach (BurnRateWindowPair pair in Pairs.Where(p => p.LongWindow > window))
        {
            failures.Add(null, $"standard '{standard.Id}'", "BurnRatePolicy", CxErrorCodes.BurnRatePolicyInvalid, string.Create(
                CultureInfo.InvariantCulture,
                $"Expected burn-rate windows no longer than the standard's window {DurationText.Format(window)}, got the rule '{pair}'. Shorten the rule or derive the policy from the window."));
        }
    }

    /// <summary>Returns the rules, separated by semicolons.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Join("; ", Pairs);
}
