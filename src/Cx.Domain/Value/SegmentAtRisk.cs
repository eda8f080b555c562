namespace Cx.Domain.Value;

/// <summary>The customers at risk of one segment: how many, the value at risk and the residual value still expected.</summary>
public sealed class SegmentAtRisk
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="segment">The segment, or null for customers without one.</param>
    /// <param name="customerCount">Customers at risk in the segment.</param>
    /// <param name="valueAtRisk">Their summed value at risk.</param>
    /// <param name="residualValue">Their summed expected residual value.</param>
    public SegmentAtRisk(string? segment, int customerCount, double valueAtRisk, double residualValue)
    {
        Segment = segment;
        CustomerCount = customerCount;
        ValueAtRisk = valueAtRisk;
        ResidualValue = residualValue;
    }

    /// <summary>Gets the segment, or null for customers without one.</summary>
    public string? Segment { get; }

    /// <summary>Gets the number of customers at risk.</summary>
    public int CustomerCount { get; }

    /// <summary>Gets their summed value at risk.</summary>
    public double ValueAtRisk { get; }

    /// <summary>Gets their summed expected residual value.</summary>
    public double ResidualValue { get; }

    /// <summary>Returns the segment and figures.</summary>
    /// <returns>For example <c>Pro: 12 at risk, value at risk 830.10</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Segment ?? "(none)"}: {CustomerCount} at risk, value at risk {ValueAtRisk:F2}");
}
