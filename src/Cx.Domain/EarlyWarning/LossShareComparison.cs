using System.Globalization;

namespace Cx.Domain.EarlyWarning;

/// <summary>How much larger a share of their value exposed customers lost within the horizon than comparable unexposed
/// ones: the excess loss share behind revenue at risk.</summary>
/// <remarks>
/// <para>The exposed share is their lost value over their value at the start of the exposure periods. The comparison share
/// is the unexposed share standardized to the exposed: each stratum's unexposed share weighted by the exposed value in that
/// stratum ("what the exposed would have lost at the unexposed rates of their own segment and tenure"); exposed value in
/// strata without unexposed customers is weighted with the crude unexposed share.</para>
/// <para>The interval of the excess is normal, with the variances of the ratio estimators by linearization
/// (Σ (l - R b)² / (Σ b)², times n / (n - 1)), added as independent; customer-periods are treated as independent, which
/// understates the uncertainty when the same customers recur in several periods.</para>
/// </remarks>
public sealed class LossShareComparison
{
    internal LossShareComparison(GroupOutcome exposed, GroupOutcome unexposed, double? standardizedUnexposedShare, IntervalEstimate? excessShare, EvidenceVerdict evidence)
    {
        Exposed = exposed;
        Unexposed = unexposed;
        StandardizedUnexposedShare = standardizedUnexposedShare;
        ExcessShare = excessShare;
        Evidence = evidence;
    }

    /// <summary>Gets the exposed customer-periods' totals.</summary>
    public GroupOutcome Exposed { get; }

    /// <summary>Gets the unexposed customer-periods' totals.</summary>
    public GroupOutcome Unexposed { get; }

    /// <summary>Gets the unexposed loss share standardized to the exposed value's strata, or null when it cannot be formed.</summary>
    public double? StandardizedUnexposedShare { get; }

    /// <summary>Gets the excess loss share, exposed share minus standardized unexposed share, with its interval; null when
    /// either share cannot be formed.</summary>
    public IntervalEstimate? ExcessShare { get; }

    /// <summary>Gets whether the excess can be acted on.</summary>
    public EvidenceVerdict Evidence { get; }

    /// <summary>Returns a short description such as <c>exposed lost 21.3%, unexposed 6.1%, excess 0.152 (95% CI 0.11 to 0.19)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"exposed lost {Share(Exposed.LossShare)}, unexposed {Share(StandardizedUnexposedShare)}, excess {(ExcessShare is { } e ? e.ToString() : "-")}, {Evidence}");

    private static string Share(double? share) => share is { } s ? (s * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : "-";
}
