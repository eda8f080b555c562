using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>Cohort revenue retention at one period over a horizon h: how the customers active h periods earlier are worth now.</summary>
/// <param name="Period">The period p measured.</param>
/// <param name="Horizon">The horizon h in periods.</param>
/// <param name="BasePeriodLabel">The label of period p - h (may be a history period).</param>
/// <param name="BaseCustomerCount">Customers active at p - h.</param>
/// <param name="BaseValue">Their total value at p - h.</param>
/// <param name="RetainedCustomerCount">How many of them are active at p.</param>
/// <param name="RetainedValue">Their total value at p.</param>
/// <param name="GrossRetainedValue">The sum over them of <c>min(v(p), v(p - h))</c>.</param>
/// <remarks>NRR = RetainedValue / BaseValue; GRR = GrossRetainedValue / BaseValue, never above 1.</remarks>
public sealed record CohortRetention(
    Period Period,
    int Horizon,
    string BasePeriodLabel,
    long BaseCustomerCount,
    long BaseValue,
    long RetainedCustomerCount,
    long RetainedValue,
    long GrossRetainedValue)
{
    /// <summary>Gets the cohort net revenue retention, <c>RetainedValue / BaseValue</c>; null when the base value is zero.</summary>
    public double? NetRevenueRetentionFraction => BaseValue == 0 ? null : (double)RetainedValue / BaseValue;

    /// <summary>Gets the cohort gross revenue retention, <c>GrossRetainedValue / BaseValue</c>, in [0, 1]; null when the base value is zero.</summary>
    public double? GrossRevenueRetentionFraction => BaseValue == 0 ? null : (double)GrossRetainedValue / BaseValue;

    /// <summary>Gets the share of base customers still active, <c>RetainedCustomerCount / BaseCustomerCount</c>; null when there are none.</summary>
    public double? CustomerRetentionFraction => BaseCustomerCount == 0 ? null : (double)RetainedCustomerCount / BaseCustomerCount;
}
