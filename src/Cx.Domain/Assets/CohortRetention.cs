using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>Cohort revenue retention at one period over a horizon h: how the customers active h periods earlier are worth now.</summary>
/// <remarks>NRR = RetainedValue / BaseValue; GRR = GrossRetainedValue / BaseValue, never above 1.</remarks>
public sealed record CohortRetention
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="period">The period p measured.</param>
    /// <param name="horizon">The horizon h in periods.</param>
    /// <param name="basePeriodLabel">The label of period p - h (may be a history period).</param>
    /// <param name="baseCustomerCount">Customers active at p - h.</param>
    /// <param name="baseValue">Their total value at p - h.</param>
    /// <param name="retainedCustomerCount">How many of them are active at p.</param>
    /// <param name="retainedValue">Their total value at p.</param>
    /// <param name="grossRetainedValue">The sum over them of <c>min(v(p), v(p - h))</c>.</param>
    /// <param name="unit">The unit of the values; whole <c>units</c> when null.</param>
    public CohortRetention(GridPeriod period, int horizon, string basePeriodLabel, long baseCustomerCount, long baseValue, long retainedCustomerCount, long retainedValue, long grossRetainedValue, MeasureUnit? unit = null)
    {
        Period = period;
        Unit = unit ?? Amounts.PlainUnits;
        Horizon = horizon;
        BasePeriodLabel = basePeriodLabel;
        BaseCustomerCount = baseCustomerCount;
        BaseValue = baseValue;
        RetainedCustomerCount = retainedCustomerCount;
        RetainedValue = retainedValue;
        GrossRetainedValue = grossRetainedValue;
    }

    /// <summary>The unit of the values (the currency, for revenue); whole <c>units</c> when none was given.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>The period p measured.</summary>
    public GridPeriod Period { get; }

    /// <summary>The horizon h in periods.</summary>
    public int Horizon { get; }

    /// <summary>The label of period p - h (may be a history period).</summary>
    public string BasePeriodLabel { get; }

    /// <summary>Customers active at p - h.</summary>
    public long BaseCustomerCount { get; }

    /// <summary>Their total value at p - h.</summary>
    public long BaseValue { get; }

    /// <summary>How many of them are active at p.</summary>
    public long RetainedCustomerCount { get; }

    /// <summary>Their total value at p.</summary>
    public long RetainedValue { get; }

    /// <summary>The sum over them of <c>min(v(p), v(p - h))</c>.</summary>
    public long GrossRetainedValue { get; }

    /// <summary>Gets the cohort net revenue retention, <c>RetainedValue / BaseValue</c>; null when the base value is zero.</summary>
    public double? NetRevenueRetentionFraction => BaseValue == 0 ? null : (double)RetainedValue / BaseValue;

    /// <summary>Gets the cohort gross revenue retention, <c>GrossRetainedValue / BaseValue</c>, in [0, 1]; null when the base value is zero.</summary>
    public double? GrossRevenueRetentionFraction => BaseValue == 0 ? null : (double)GrossRetainedValue / BaseValue;

    /// <summary>Gets the share of base customers still active, <c>RetainedCustomerCount / BaseCustomerCount</c>; null when there are none.</summary>
    public double? CustomerRetentionFraction => BaseCustomerCount == 0 ? null : (double)RetainedCustomerCount / BaseCustomerCount;

    /// <summary>Returns a short form: the ratios as percentages and the base in the unit's major units.</summary>
    /// <returns>For example <c>2024-12 over 12 periods (base 2023-12: 100 customers, USD 10,000.00): NRR 104.2%, GRR 91.0%, 80 customers retained</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Period} over {Horizon} periods (base {BasePeriodLabel}: {Amounts.Count(BaseCustomerCount, "customer", "customers")}, {Amounts.Format(Unit, BaseValue)}): NRR {Amounts.Percent(NetRevenueRetentionFraction)}, GRR {Amounts.Percent(GrossRevenueRetentionFraction)}, {Amounts.Count(RetainedCustomerCount, "customer", "customers")} retained");
}
