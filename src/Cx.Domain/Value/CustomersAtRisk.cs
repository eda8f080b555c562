namespace Cx.Domain.Value;

/// <summary>The customers at risk: the list a "managing customers at risk" touchpoint owner works from, ranked by the value
/// at stake, with totals by segment.</summary>
/// <remarks>Immutable. Customers are ranked by value at risk (descending), ties by customer id; segments by value at risk
/// (descending), ties by name (customers without a segment last).</remarks>
public sealed class CustomersAtRisk
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="selection">How customers were selected.</param>
    /// <param name="threshold">The P(alive) threshold used (NaN for <see cref="AtRiskSelection.LargestValueDrop"/>).</param>
    /// <param name="selectedCount">How many customers were selected in all.</param>
    /// <param name="totalValueAtRisk">Their summed value at risk.</param>
    /// <param name="totalResidualValue">Their summed expected residual value.</param>
    /// <param name="customers">The top of the ranking.</param>
    /// <param name="segments">The totals by segment over all selected customers.</param>
    public CustomersAtRisk(AtRiskSelection selection, double threshold, int selectedCount, double totalValueAtRisk, double totalResidualValue,
        IReadOnlyList<CustomerValue> customers, IReadOnlyList<SegmentAtRisk> segments)
    {
        Selection = selection;
        Threshold = threshold;
        SelectedCount = selectedCount;
        TotalValueAtRisk = totalValueAtRisk;
        TotalResidualValue = totalResidualValue;
        Customers = customers;
        Segments = segments;
    }

    /// <summary>Gets how customers were selected.</summary>
    public AtRiskSelection Selection { get; }

    /// <summary>Gets the P(alive) threshold (NaN when not used).</summary>
    public double Threshold { get; }

    /// <summary>Gets how many customers were selected in all (the list may name fewer).</summary>
    public int SelectedCount { get; }

    /// <summary>Gets the summed value at risk of all selected customers.</summary>
    public double TotalValueAtRisk { get; }

    /// <summary>Gets the summed expected residual value of all selected customers.</summary>
    public double TotalResidualValue { get; }

    /// <summary>Gets the top of the ranking, at most the options' <see cref="AtRiskOptions.MaxCustomers"/>.</summary>
    public IReadOnlyList<CustomerValue> Customers { get; }

    /// <summary>Gets the totals by segment over all selected customers.</summary>
    public IReadOnlyList<SegmentAtRisk> Segments { get; }

    /// <summary>Returns the count and value at risk.</summary>
    /// <returns>For example <c>412 customers at risk, value at risk 9120.50</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SelectedCount} customers at risk, value at risk {TotalValueAtRisk:F2}");
}
