using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Reliability;

/// <summary>The robust value-drift part of an <see cref="EarlyWarningPolicy"/>: a one-sided CUSUM, in the adverse
/// direction, on standardized subgroup means of winsorized (optionally log-transformed) values.</summary>
/// <remarks>
/// <para>Baseline: when the standard has a reference interval, its values (transformed) give the median M and the robust
/// sigma s = 1.4826 × MAD (the median absolute deviation, scaled to a normal sigma); every value is winsorized to
/// [M - c s, M + c s] with c = <see cref="WinsorLimit"/>, and the in-control mean and standard deviation of the winsorized
/// reference values, μ_w and σ_w, standardize the subgroups. When the standard gives a mean and sigma instead, they serve as
/// M, s, μ_w and σ_w. One 100-hour test drive against a 22 ± 7 hour baseline then counts as 22 + 3 × 7 = 43 hours, not as
/// an 11-sigma event.</para>
/// <para>Subgroups: per calendar day (<see cref="ValueDriftSubgroup.Day"/>) or per <see cref="SubgroupSize"/> events; each
/// complete subgroup of n values gives <c>z = (s (mean - μ_w) - ρ δ*) / (σ_w sqrt(1/n + 1/N))</c>, with s = +1 for "at most"
/// standards and -1 for "at least" ones (positive is adverse), N the number of reference values (the baseline mean's own
/// error counts too; infinite for a given baseline), and ρ δ* the tolerated shift.</para>
/// <para>Tolerated shift (the idea of Freund's acceptance control chart, <i>Industrial Quality Control</i> 14(4), 1957: when
/// a process is far more capable than its specification, chart the shifts that threaten the specification, not every
/// shift): δ* is the distance from the reference values' quantile at the allowed bad share p0 (their 95th percentile for a
/// 95% objective, on the charted scale) to the threshold, the shift that would make the usual values alone breach the
/// standard; ρ = <see cref="ToleratedShiftShare"/>. A 22 ± 7 hour test drive against 48 hours has δ* ≈ 14.5 h, so with
/// ρ = 0.1 (the default) the chart is centred 1.45 hours above the baseline: a small shift of a healthy process hardly adds up, a
/// drift that has covered a tenth of the way to the breach soon does. With ρ = 0 the chart is the classic one.</para>
/// <para> The chart is <c>C = max(0, C + z - k)</c> with k = <see cref="ReferenceValue"/>, signalling
/// when <c>C &gt; h</c>; h is chosen so that the average run length for normal z at the tolerated shift (z of mean 0) is
/// <see cref="TargetInControlSubgroups"/> subgroups (Page's integral equation, as R's <c>spc::xcusum.arl</c>). Like the
/// Bernoulli CUSUM it is capped, at 1.5 h, so that it stops firing soon after a recovery; it fires while above h.</para>
/// </remarks>
public sealed class ValueDriftDetector
{
    /// <summary>The default winsorizing limit, in robust sigmas.</summary>
    public const double DefaultWinsorLimit = 3;

    /// <summary>The default reference value k, in subgroup standard deviations.</summary>
    public const double DefaultReferenceValue = 0.5;

    /// <summary>The default target in-control average run length, in subgroups.</summary>
    public const double DefaultTargetInControlSubgroups = 50_000;

    /// <summary>The default tolerated shift, as a share of the shift that would make the usual values breach.</summary>
    public const double DefaultToleratedShiftShare = 0.1;

    private ValueDriftDetector(ValueDriftSubgroup subgroup, int size, bool log, double winsor, double k, double target, double tolerated, AlertSeverity severity)
    {
        ToleratedShiftShare = tolerated;
        Subgroup = subgroup;
        SubgroupSize = size;
        LogTransform = log;
        WinsorLimit = winsor;
        ReferenceValue = k;
        TargetInControlSubgroups = target;
        Severity = severity;
        DecisionInterval = NormalCusumArl.DecisionInterval(k, target);
    }

    /// <summary>Gets how values are grouped.</summary>
    public ValueDriftSubgroup Subgroup { get; }

    /// <summary>Gets the events per subgroup for <see cref="ValueDriftSubgroup.Events"/>; 0 for days.</summary>
    public int SubgroupSize { get; }

    /// <summary>Gets a value indicating whether values are charted on a log scale (for durations, whose spread grows with
    /// their level); values at or below 0 then count as the lower winsorizing limit.</summary>
    public bool LogTransform { get; }

    /// <summary>Gets c, the winsorizing limit in robust sigmas.</summary>
    public double WinsorLimit { get; }

    /// <summary>Gets k, the reference value in subgroup standard deviations: half the shift the chart detects fastest.</summary>
    public double ReferenceValue { get; }

    /// <summary>Gets the target in-control average run length, in subgroups.</summary>
    public double TargetInControlSubgroups { get; }

    /// <summary>Gets h, the decision interval that gives <see cref="TargetInControlSubgroups"/> for normal subgroup means.</summary>
    public double DecisionInterval { get; }

    /// <summary>Gets ρ, the share of the breaching shift δ* the chart tolerates: its in-control mean is μ_w + ρ δ*.</summary>
    public double ToleratedShiftShare { get; }

    /// <summary>Gets the severity of the detector's warnings.</summary>
    public AlertSeverity Severity { get; }

    /// <summary>Creates the detector's settings.</summary>
    /// <param name="subgroup">Day (the default) or a fixed number of events.</param>
    /// <param name="subgroupSize">Events per subgroup for <see cref="ValueDriftSubgroup.Events"/>, 1 to 10,000; ignored for days.</param>
    /// <param name="logTransform">Whether to chart log values.</param>
    /// <param name="winsorLimit">c, from 1 to 10 robust sigmas.</param>
    /// <param name="referenceValue">k, from 0 to 3.</param>
    /// <param name="targetInControlSubgroups">The in-control average run length in subgroups, from 10 to 1,000,000.</param>
    /// <param name="toleratedShiftShare">ρ, from 0 (chart every shift from the baseline) to below 1.</param>
    /// <param name="severity">Ticket (the default) or page.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="CxValidationException">A setting is out of range (CX0518).</exception>
    public static ValueDriftDetector Create(
        ValueDriftSubgroup subgroup = ValueDriftSubgroup.Day, int subgroupSize = 0, bool logTransform = false, double winsorLimit = DefaultWinsorLimit,
        double referenceValue = DefaultReferenceValue, double targetInControlSubgroups = DefaultTargetInControlSubgroups, double toleratedShiftShare = DefaultToleratedShiftShare,
        AlertSeverity severity = AlertSeverity.Ticket)
    {
        var failures = new FailureCollector();
        const string subject = "value drift";
        if (subgroup is not (ValueDriftSubgroup.Day or ValueDriftSubgroup.Events))
        {
            failures.Add(null, subject, "Subgroup", CxErrorCodes.EarlyWarningDetectorInvalid, $"Expected subgroups of a Day or of Events, got {subgroup}.");
        }
        else if (subgroup == ValueDriftSubgroup.Events && subgroupSize is < 1 or > 10_000)
        {
            failures.Add(null, subject, "SubgroupSize", CxErrorCodes.EarlyWarningDetectorInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected 1 to 10000 events per subgroup, got {subgroupSize}."));
        }

        if (!(winsorLimit >= 1 && winsorLimit <= 10))
        {
            failures.Add(null, subject, "WinsorLimit", CxErrorCodes.EarlyWarningDetectorInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a winsorizing limit of 1 to 10 robust sigmas (such as 3), got {winsorLimit}."));
        }

        if (!(referenceValue >= 0 && referenceValue <= 3))
        {
            failures.Add(null, subject, "ReferenceValue", CxErrorCodes.EarlyWarningDetectorInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a reference value k of 0 to 3 subgroup sigmas (such as 0.5), got {referenceValue}."));
        }

        if (!(targetInControlSubgroups >= 10 && targetInControlSubgroups <= 1_000_000))
        {
            failures.Add(null, subject, "TargetInControlSubgroups", CxErrorCodes.EarlyWarningDetectorInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a target in-control run length of 10 to 1000000 subgroups, got {targetInControlSubgroups}."));
        }

        if (!(toleratedShiftShare >= 0 && toleratedShiftShare < 1))
        {
            failures.Add(null, subject, "ToleratedShiftShare", CxErrorCodes.EarlyWarningDetectorInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a tolerated shift share from 0 to below 1 (such as 0.25), got {toleratedShiftShare}."));
        }

        if (severity is not (AlertSeverity.Ticket or AlertSeverity.Page))
        {
            failures.Add(null, subject, "Severity", CxErrorCodes.EarlyWarningDetectorInvalid, $"Expected a severity of Ticket or Page, got {severity}.");
        }

        failures.ThrowIfAny(subject);
        return new ValueDriftDetector(subgroup, subgroup == ValueDriftSubgroup.Events ? subgroupSize : 0, logTransform, winsorLimit, referenceValue, targetInControlSubgroups, toleratedShiftShare, severity);
    }

    /// <summary>Returns a short description such as <c>value drift: daily means, winsorized at 3 sigma, CUSUM k 0.5 h 6.1 (ARL0 2000 subgroups)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"value drift: {(Subgroup == ValueDriftSubgroup.Day ? "daily" : $"{SubgroupSize}-event")} means{(LogTransform ? " of log values" : string.Empty)}, winsorized at {WinsorLimit:G4} sigma, tolerating {ToleratedShiftShare * 100:0.##}% of the breaching shift, CUSUM k {ReferenceValue:G4} h {DecisionInterval:0.##} (ARL0 {TargetInControlSubgroups:G6} subgroups, {Severity.ToString().ToLowerInvariant()})");
}
