using Cx.Domain.Primitives;

namespace Cx.Domain.Value;

/// <summary>The customers the asset bridge lost in one period, valued backward (what they were worth in the period before)
/// and forward (what they were still expected to be worth).</summary>
/// <remarks>Money figures are in the currency's major units. <see cref="ResidualValueLost"/> = value if retained − value
/// still expected: the expected residual value lost with them.</remarks>
public sealed class LostValue
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="period">The period of the churn.</param>
    /// <param name="churnedCustomerCount">Customers churned in the period.</param>
    /// <param name="backwardValue">Their value in the period before (the bridge's lost value).</param>
    /// <param name="residualValueIfRetained">Their summed residual value if alive.</param>
    /// <param name="residualValueExpected">Their summed expected residual value.</param>
    /// <param name="unscoredCustomerCount">Churned customers with no value in the report (not summarised).</param>
    public LostValue(GridPeriod period, int churnedCustomerCount, double backwardValue, double residualValueIfRetained, double residualValueExpected, int unscoredCustomerCount)
    {
        Period = period;
        ChurnedCustomerCount = churnedCustomerCount;
        BackwardValue = backwardValue;
        ResidualValueIfRetained = residualValueIfRetained;
        ResidualValueExpected = residualValueExpected;
        UnscoredCustomerCount = unscoredCustomerCount;
    }

    /// <summary>Gets the period of the churn.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets how many customers churned.</summary>
    public int ChurnedCustomerCount { get; }

    /// <summary>Gets their value in the period before: the bridge's lost value, measured backward.</summary>
    public double BackwardValue { get; }

    /// <summary>Gets their residual value had they stayed (if alive).</summary>
    public double ResidualValueIfRetained { get; }

    /// <summary>Gets the residual value the model still expects from them.</summary>
    public double ResidualValueExpected { get; }

    /// <summary>Gets the expected residual value lost: if retained minus still expected.</summary>
    public double ResidualValueLost => ResidualValueIfRetained - ResidualValueExpected;

    /// <summary>Gets how many churned customers had no value in the report.</summary>
    public int UnscoredCustomerCount { get; }

    /// <summary>Returns the period and both measures.</summary>
    /// <returns>For example <c>2024-03: 12 lost, backward 450.00, forward 1210.40</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Period}: {ChurnedCustomerCount} lost, backward {BackwardValue:F2}, forward {ResidualValueLost:F2}");
}
