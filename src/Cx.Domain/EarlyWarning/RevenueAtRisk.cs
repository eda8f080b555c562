using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;

namespace Cx.Domain.EarlyWarning;

/// <summary>The revenue at risk from a subject's failures in a period: the exposed customers' value at the start of the
/// period times the excess loss share estimated from history, with its interval.</summary>
/// <remarks>
/// <para>Values are in the ledger's unit, rounded half to even to whole units (cents for money) from the exact exposed value
/// times the estimated share; the exposed value itself is exact. When the loss share comparison is not
/// <see cref="EvidenceVerdict.Sufficient"/> the figures are still given with their interval, but <see cref="IsActionable"/>
/// is false and <see cref="ToString"/> says "too little evidence" with the reason.</para>
/// </remarks>
public sealed class RevenueAtRisk
{
    internal RevenueAtRisk(GridPeriod period, MeasureUnit unit, long exposedValue, long exposedActiveCustomers, ImpactEstimate impact, int minimumExposed)
    {
        Period = period;
        Unit = unit;
        ExposedValue = exposedValue;
        ExposedActiveCustomerCount = exposedActiveCustomers;
        Impact = impact;
        ExcessShare = impact.LossShare.ExcessShare;
        Evidence = impact.LossShare.Evidence;
        MinimumExposedCount = minimumExposed;
        if (ExcessShare is { } share)
        {
            Estimate = Round(share.Estimate * exposedValue);
            Lower = Round(share.Lower * exposedValue);
            Upper = Round(share.Upper * exposedValue);
        }
    }

    /// <summary>Gets the period.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the unit of the values.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Gets the exposed customers' value at the start of the period, exact.</summary>
    public long ExposedValue { get; }

    /// <summary>Gets the number of exposed customers active at the start of the period.</summary>
    public long ExposedActiveCustomerCount { get; }

    /// <summary>Gets the impact estimate used (as of the period).</summary>
    public ImpactEstimate Impact { get; }

    /// <summary>Gets the excess loss share with its interval, or null when it cannot be formed.</summary>
    public IntervalEstimate? ExcessShare { get; }

    /// <summary>Gets the revenue at risk, <c>ExposedValue × excess share</c>, in whole units; null when the share cannot be formed.</summary>
    public long? Estimate { get; }

    /// <summary>Gets the lower limit of the revenue at risk, or null.</summary>
    public long? Lower { get; }

    /// <summary>Gets the upper limit of the revenue at risk, or null.</summary>
    public long? Upper { get; }

    /// <summary>Gets the verdict of the excess loss share.</summary>
    public EvidenceVerdict Evidence { get; }

    /// <summary>Gets the evidence gate the verdict used.</summary>
    public int MinimumExposedCount { get; }

    /// <summary>Gets a value indicating whether the figure can be acted on (the evidence is sufficient).</summary>
    public bool IsActionable => Evidence == EvidenceVerdict.Sufficient && Estimate is not null;

    /// <summary>Returns the estimate as money.</summary>
    /// <returns>The estimate, or null when there is none.</returns>
    /// <exception cref="InvalidOperationException">The ledger's unit is not a currency.</exception>
    public Money? ToMoney() => Estimate is { } e ? Unit.ToMoney(e) : null;

    /// <summary>Returns the figure with its interval, such as <c>USD 12,345 (95% CI 8,100 to 16,600)</c>, or the reason there
    /// is too little evidence.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => ErosionText.RevenueAtRisk(this);

    private static long Round(double value) => (long)Math.Round(value, MidpointRounding.ToEven);
}
