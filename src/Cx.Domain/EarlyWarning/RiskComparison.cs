using System.Globalization;

namespace Cx.Domain.EarlyWarning;

/// <summary>How much more often exposed customers had one loss outcome within the horizon than comparable unexposed ones:
/// crude risks, their difference and ratio, and the Mantel-Haenszel estimates stratified by segment and tenure band.</summary>
/// <remarks>
/// <para>Crude difference: Newcombe's hybrid score interval (1998, method 10). Crude ratio: the log (Katz) interval.
/// Stratified difference and ratio: Mantel-Haenszel with the Greenland-Robins (1985) variance estimators. Every interval is at
/// the analysis' confidence level. An estimate that cannot be formed (an empty group, no case in a group for a ratio) is
/// null, never a made-up number.</para>
/// <para><see cref="Evidence"/> judges the stratified difference: <see cref="EvidenceVerdict.Sufficient"/> when the exposed
/// count reaches the evidence gate and the interval excludes zero.</para>
/// </remarks>
public sealed class RiskComparison
{
    internal RiskComparison(
        LossOutcome outcome, long exposedCount, long exposedCases, long unexposedCount, long unexposedCases,
        IntervalEstimate? riskDifference, IntervalEstimate? riskRatio, IntervalEstimate? stratifiedRiskDifference, IntervalEstimate? stratifiedRiskRatio,
        int comparableStrataCount, long exposedOutsideComparableStrataCount, EvidenceVerdict evidence)
    {
        Outcome = outcome;
        ExposedCount = exposedCount;
        ExposedCases = exposedCases;
        UnexposedCount = unexposedCount;
        UnexposedCases = unexposedCases;
        RiskDifference = riskDifference;
        RiskRatio = riskRatio;
        StratifiedRiskDifference = stratifiedRiskDifference;
        StratifiedRiskRatio = stratifiedRiskRatio;
        ComparableStrataCount = comparableStrataCount;
        ExposedOutsideComparableStrataCount = exposedOutsideComparableStrataCount;
        Evidence = evidence;
    }

    /// <summary>Gets the outcome counted.</summary>
    public LossOutcome Outcome { get; }

    /// <summary>Gets the number of exposed customer-periods.</summary>
    public long ExposedCount { get; }

    /// <summary>Gets how many exposed customer-periods had the outcome.</summary>
    public long ExposedCases { get; }

    /// <summary>Gets the number of unexposed customer-periods.</summary>
    public long UnexposedCount { get; }

    /// <summary>Gets how many unexposed customer-periods had the outcome.</summary>
    public long UnexposedCases { get; }

    /// <summary>Gets the exposed risk, cases / count, or null without exposed customer-periods.</summary>
    public double? ExposedRisk => ExposedCount == 0 ? null : (double)ExposedCases / ExposedCount;

    /// <summary>Gets the unexposed risk, or null without unexposed customer-periods.</summary>
    public double? UnexposedRisk => UnexposedCount == 0 ? null : (double)UnexposedCases / UnexposedCount;

    /// <summary>Gets the crude risk difference (absolute lift) with Newcombe's method 10 interval, or null when a group is empty.</summary>
    public IntervalEstimate? RiskDifference { get; }

    /// <summary>Gets the crude risk ratio (relative risk) with the log interval, or null when a group has no case.</summary>
    public IntervalEstimate? RiskRatio { get; }

    /// <summary>Gets the Mantel-Haenszel risk difference over the strata, with the Greenland-Robins interval, or null when no
    /// stratum has both exposed and unexposed customer-periods.</summary>
    public IntervalEstimate? StratifiedRiskDifference { get; }

    /// <summary>Gets the Mantel-Haenszel risk ratio with the Greenland-Robins interval of its log, or null when it cannot be formed.</summary>
    public IntervalEstimate? StratifiedRiskRatio { get; }

    /// <summary>Gets the number of strata with both exposed and unexposed customer-periods (the ones the stratified estimates use).</summary>
    public int ComparableStrataCount { get; }

    /// <summary>Gets how many exposed customer-periods fall in strata without unexposed ones (left out of the stratified estimates).</summary>
    public long ExposedOutsideComparableStrataCount { get; }

    /// <summary>Gets whether the stratified difference can be acted on.</summary>
    public EvidenceVerdict Evidence { get; }

    /// <summary>Returns a short description such as <c>Churn: exposed 41/130, unexposed 300/5200, RR 5.5 (95% CI 4.1 to 7.3)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Outcome}: exposed {ExposedCases}/{ExposedCount}, unexposed {UnexposedCases}/{UnexposedCount}, RR {(StratifiedRiskRatio is { } rr ? rr.ToString() : "-")}, {Evidence}");
}
