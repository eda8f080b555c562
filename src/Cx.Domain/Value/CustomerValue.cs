using Cx.Domain.Primitives;

namespace Cx.Domain.Value;

/// <summary>One customer's expected future: the probability that they are still alive, the purchases and spend to expect,
/// and what that is worth today.</summary>
/// <remarks>Money figures are expectations in the currency's major units (dollars, not cents), not rounded: they are model
/// estimates, not amounts booked. <see cref="ValueAtRisk"/> = <see cref="ResidualValueIfAlive"/> − <see cref="ResidualValue"/>
/// = (1 − P(alive)) × value if alive: what the chance that the customer has already left takes away.</remarks>
public sealed class CustomerValue
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="summary">The customer's summary.</param>
    /// <param name="probabilityAlive">P(alive) at the end of calibration.</param>
    /// <param name="expectedPurchases">Expected purchases over the horizon.</param>
    /// <param name="expectedSpend">Expected spend per purchase.</param>
    /// <param name="residualValue">Discounted expected residual value over the horizon.</param>
    /// <param name="residualValueIfAlive">The same if the customer is alive.</param>
    /// <param name="closedFormValue">Margin × spend × DERT (infinite horizon, continuous discounting), or null when the model has no closed form or the discount rate is 0 (undiscounted, the infinite horizon has no finite value).</param>
    public CustomerValue(CustomerSummary summary, double probabilityAlive, double expectedPurchases, double expectedSpend, double residualValue,
        double residualValueIfAlive, double? closedFormValue)
    {
        Customer = summary.Customer;
        Segment = summary.Segment;
        Frequency = summary.Frequency;
        Recency = summary.Recency;
        Age = summary.Age;
        ProbabilityAlive = probabilityAlive;
        ExpectedPurchases = expectedPurchases;
        ExpectedSpend = expectedSpend;
        ResidualValue = residualValue;
        ResidualValueIfAlive = residualValueIfAlive;
        ClosedFormValue = closedFormValue;
    }

    /// <summary>Gets the customer.</summary>
    public CustomerId Customer { get; }

    /// <summary>Gets the customer's segment, or null.</summary>
    public string? Segment { get; }

    /// <summary>Gets x, the repeat purchases in calibration.</summary>
    public int Frequency { get; }

    /// <summary>Gets t_x.</summary>
    public double Recency { get; }

    /// <summary>Gets T.</summary>
    public double Age { get; }

    /// <summary>Gets the probability that the customer is still alive at the end of calibration.</summary>
    public double ProbabilityAlive { get; }

    /// <summary>Gets the expected purchases over the horizon.</summary>
    public double ExpectedPurchases { get; }

    /// <summary>Gets the expected spend per purchase (Gamma-Gamma conditional expectation, or the observed mean).</summary>
    public double ExpectedSpend { get; }

    /// <summary>Gets the discounted expected residual value over the horizon (the customer's CLV from now on).</summary>
    public double ResidualValue { get; }

    /// <summary>Gets the discounted expected residual value over the horizon if the customer is alive.</summary>
    public double ResidualValueIfAlive { get; }

    /// <summary>Gets the value the chance of having left takes away: value if alive minus expected value.</summary>
    public double ValueAtRisk => ResidualValueIfAlive - ResidualValue;

    /// <summary>Gets margin × spend × DERT (closed form, infinite horizon, continuous discounting), or null when the model has none
    /// or the discount rate is 0.</summary>
    public double? ClosedFormValue { get; }

    /// <summary>Returns the customer, P(alive) and residual value.</summary>
    /// <returns>For example <c>C-17: P(alive) 0.412, residual value 37.20</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Customer}: P(alive) {ProbabilityAlive:F3}, residual value {ResidualValue:F2}");
}
