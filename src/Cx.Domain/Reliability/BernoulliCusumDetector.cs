using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Reliability;

/// <summary>The Bernoulli CUSUM part of an <see cref="EarlyWarningPolicy"/>: a CUSUM on each standard's pass/fail stream
/// (Reynolds and Stoumbos 1999; see <see cref="BernoulliCusumDesign"/>), designed per standard and per window of traffic.</summary>
/// <remarks>
/// <para>In-control bad share p0: <see cref="InControlShare"/>, or the standard's allowed bad share <c>1 - objective</c>
/// (a process exactly at its objective is the boundary the chart must tolerate). Design share p1 =
/// <see cref="DesignShareFactor"/> × p0 (capped at (1 + p0) / 2): by default 4, a break that breaches a window even when it
/// starts in the window's last quarter, the kind of change that breaches before a slower chart could see it.</para>
/// <para>Decision interval: chosen so that the in-control average number of events to signal (ANSS, exact from the
/// Markov chain) is at least <see cref="TargetInControlWindows"/> windows of events (rounded up to a power of 2^(1/8), steps
/// of 9%, so that similar standards share a design). The design is renewed every quarter of the standard's window length
/// (counted from its first event) from the events of the window length before; while less than a window has passed the
/// count is scaled up to a whole window, and in the first quarter the chart waits. So the chart's false-alarm rate at
/// p0 is fixed in time, not in events, at 5 or at 500 events a day. A process below p0, as a healthy one is, signals far less often (the ANSS grows roughly exponentially as the share
/// falls).</para>
/// <para>The statistic is capped at h plus one bad event, so that after a long problem it falls back below h within a
/// few dozen good events; the cap does not change the run length to the first signal. It fires while it is at or above h.</para>
/// </remarks>
public sealed class BernoulliCusumDetector
{
    /// <summary>The default design share factor: p1 = 4 p0.</summary>
    public const double DefaultDesignShareFactor = 4;

    /// <summary>The default target in-control ANSS, in standard windows of events.</summary>
    public const double DefaultTargetInControlWindows = 2;

    private BernoulliCusumDetector(double factor, double? inControlShare, double targetWindows, AlertSeverity severity)
    {
        DesignShareFactor = factor;
        InControlShare = inControlShare;
        TargetInControlWindows = targetWindows;
        Severity = severity;
    }

    /// <summary>Gets p1 / p0, above 1.</summary>
    public double DesignShareFactor { get; }

    /// <summary>Gets the in-control bad share p0 for every standard, or null for each standard's <c>1 - objective</c>.</summary>
    public double? InControlShare { get; }

    /// <summary>Gets the target in-control ANSS in standard windows of events, positive.</summary>
    public double TargetInControlWindows { get; }

    /// <summary>Gets the severity of the chart's warnings.</summary>
    public AlertSeverity Severity { get; }

    /// <summary>Creates the detector's settings.</summary>
    /// <param name="designShareFactor">p1 / p0, above 1 and at most 100.</param>
    /// <param name="inControlShare">p0 for every standard in (0, 1), or null for each standard's allowed bad share.</param>
    /// <param name="targetInControlWindows">The target in-control ANSS in windows of events, from 0.01 to 1000.</param>
    /// <param name="severity">Ticket (the default) or page.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="CxValidationException">A setting is out of range (CX0518).</exception>
    public static BernoulliCusumDetector Create(
        double designShareFactor = DefaultDesignShareFactor, double? inControlShare = null, double targetInControlWindows = DefaultTargetInControlWindows,
        AlertSeverity severity = AlertSeverity.Ticket)
    {
        var failures = new FailureCollector();
        const string subject = "Bernoulli CUSUM";
        if (!(designShareFactor > 1 && designShareFactor <= 100))
        {
            failures.Add(null, subject, "DesignShareFactor", CxErrorCodes.EarlyWarningDetectorInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a design share factor above 1 and at most 100 (the chart detects p1 = factor x p0), got {designShareFactor}."));
        }

        if (inControlShare is { } p0 && !(p0 > 0 && p0 < 1))
        {
            failures.Add(null, subject, "InControlShare", CxErrorCodes.EarlyWarningDetectorInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected an in-control bad share strictly between 0 and 1, or none for 1 - objective, got {p0}."));
        }

        if (!(targetInControlWindows >= 0.01 && targetInControlWindows <= 1000))
        {
            failures.Add(null, subject, "TargetInControlWindows", CxErrorCodes.EarlyWarningDetectorInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a target in-control ANSS of 0.01 to 1000 windows of events, got {targetInControlWindows}."));
        }

        if (severity is not (AlertSeverity.Ticket or AlertSeverity.Page))
        {
            failures.Add(null, subject, "Severity", CxErrorCodes.EarlyWarningDetectorInvalid, $"Expected a severity of Ticket or Page, got {severity}.");
        }

        failures.ThrowIfAny(subject);
        return new BernoulliCusumDetector(designShareFactor, inControlShare, targetInControlWindows, severity);
    }

    /// <summary>Designs the chart for a standard and the events its previous window held.</summary>
    /// <param name="standard">The standard.</param>
    /// <param name="eventsPerWindow">The events in the previous window, at least 1.</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standard"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eventsPerWindow"/> is below 1.</exception>
    /// <exception cref="CxValidationException">The chart cannot reach the target (CX0518).</exception>
    public BernoulliCusumDesign DesignFor(ReliabilityStandard standard, long eventsPerWindow)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerWindow, 1);
        double p0 = InControlShareFor(standard);
        double p1 = Math.Min(DesignShareFactor * p0, (1 + p0) / 2);
        return BernoulliCusumDesign.Create(p0, p1, RoundedTarget(TargetInControlWindows * eventsPerWindow));
    }

    /// <summary>Rounds a target up to the next power of 2^(1/8) (steps of 9%), so that standards and windows of similar traffic
    /// share a design.</summary>
    internal static double RoundedTarget(double target) => Math.Max(1, Math.Pow(2, Math.Ceiling(Math.Log2(Math.Max(1, target)) * 8) / 8));

    /// <summary>Returns p0 for a standard: <see cref="InControlShare"/>, or <c>1 - objective</c>.</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>p0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standard"/> is null.</exception>
    public double InControlShareFor(ReliabilityStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return InControlShare ?? standard.Allowed.Double;
    }

    /// <summary>Returns a short description such as <c>Bernoulli CUSUM p1 = 2 p0, ANSS0 4 windows (ticket)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Bernoulli CUSUM p1 = {DesignShareFactor:G4} p0{(InControlShare is { } p ? $" (p0 {p:G4})" : string.Empty)}, ANSS0 {TargetInControlWindows:G4} windows ({Severity.ToString().ToLowerInvariant()})");
}
