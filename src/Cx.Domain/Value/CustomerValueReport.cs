using Cx.Domain.Primitives;

namespace Cx.Domain.Value;

/// <summary>Every customer's expected residual value under a purchase model and a spend model, with the totals and the
/// inputs that produced them.</summary>
/// <remarks>Immutable. Customers are in the order of their summary set (ordinal by id).</remarks>
public sealed class CustomerValueReport
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="modelName">The purchase model's name.</param>
    /// <param name="spendModelName">The spend model's name, or <c>observed mean</c>.</param>
    /// <param name="currency">The currency, or null when the summaries had none.</param>
    /// <param name="timeUnit">The time unit of the summaries.</param>
    /// <param name="annualDiscountRate">The yearly discount rate used.</param>
    /// <param name="periodsPerYear">Discounting steps a year.</param>
    /// <param name="horizonPeriods">The horizon in steps.</param>
    /// <param name="margin">The margin.</param>
    /// <param name="customers">The customers' values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customers"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="customers"/> holds a null value.</exception>
    public CustomerValueReport(string modelName, string spendModelName, Currency? currency, ValueTimeUnit timeUnit, double annualDiscountRate, int periodsPerYear,
        int horizonPeriods, double margin, IReadOnlyList<CustomerValue> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Any(c => c is null))
        {
            throw new ArgumentException("Expected a value for every customer, got a null one.", nameof(customers));
        }

        ModelName = modelName;
        SpendModelName = spendModelName;
        Currency = currency;
        TimeUnit = timeUnit;
        AnnualDiscountRate = annualDiscountRate;
        PeriodsPerYear = periodsPerYear;
        HorizonPeriods = horizonPeriods;
        Margin = margin;
        Customers = customers;
        TotalResidualValue = customers.Sum(c => c.ResidualValue);
        TotalValueAtRisk = customers.Sum(c => c.ValueAtRisk);
        TotalExpectedPurchases = customers.Sum(c => c.ExpectedPurchases);
        ExpectedAliveCustomers = customers.Sum(c => c.ProbabilityAlive);
        TotalClosedFormValue = customers.Count > 0 && customers.All(c => c.ClosedFormValue is not null) ? customers.Sum(c => c.ClosedFormValue!.Value) : null;
    }

    /// <summary>Gets the purchase model's name.</summary>
    public string ModelName { get; }

    /// <summary>Gets the spend model's name (<c>Gamma-Gamma</c>, or <c>observed mean</c>).</summary>
    public string SpendModelName { get; }

    /// <summary>Gets the currency, or null.</summary>
    public Currency? Currency { get; }

    /// <summary>Gets the time unit of the summaries.</summary>
    public ValueTimeUnit TimeUnit { get; }

    /// <summary>Gets the yearly discount rate used.</summary>
    public double AnnualDiscountRate { get; }

    /// <summary>Gets the discounting steps a year.</summary>
    public int PeriodsPerYear { get; }

    /// <summary>Gets the horizon in steps.</summary>
    public int HorizonPeriods { get; }

    /// <summary>Gets the margin.</summary>
    public double Margin { get; }

    /// <summary>Gets each customer's value.</summary>
    public IReadOnlyList<CustomerValue> Customers { get; }

    /// <summary>Gets the sum of the residual values: the customer base's expected value from now on, over the horizon.</summary>
    public double TotalResidualValue { get; }

    /// <summary>Gets the sum of the values at risk.</summary>
    public double TotalValueAtRisk { get; }

    /// <summary>Gets the expected purchases of all customers over the horizon.</summary>
    public double TotalExpectedPurchases { get; }

    /// <summary>Gets Σ P(alive): the expected number of customers still alive.</summary>
    public double ExpectedAliveCustomers { get; }

    /// <summary>Gets the sum of the closed-form (DERT) values, or null when the model has no closed form.</summary>
    public double? TotalClosedFormValue { get; }

    /// <summary>Returns the model, customer count and total.</summary>
    /// <returns>For example <c>BG/NBD: 2357 customers, residual value 123456.78</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ModelName}: {Customers.Count} customers, residual value {TotalResidualValue:F2}");
}
