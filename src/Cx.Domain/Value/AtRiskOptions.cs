namespace Cx.Domain.Value;

/// <summary>How the list of customers at risk is drawn up.</summary>
/// <remarks>Defaults: P(alive) below 0.5, at most 100 customers listed. Validated when used (CX0910).</remarks>
public sealed class AtRiskOptions
{
    /// <summary>Gets or sets which customers count as at risk.</summary>
    public AtRiskSelection Selection { get; set; } = AtRiskSelection.ProbabilityAliveBelowThreshold;

    /// <summary>Gets or sets the P(alive) below which a customer is at risk (for <see cref="AtRiskSelection.ProbabilityAliveBelowThreshold"/>), in (0, 1].</summary>
    public double ProbabilityAliveThreshold { get; set; } = 0.5;

    /// <summary>Gets or sets how many customers the list names, at least 1; the totals count all selected.</summary>
    public int MaxCustomers { get; set; } = 100;
}
