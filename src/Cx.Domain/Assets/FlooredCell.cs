using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>A customer and period whose negative net value was counted as zero under <see cref="NegativeValuePolicy.FloorAtZero"/>.</summary>
public sealed record FlooredCell
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="periodIndex">The period's index relative to the grid (negative for history).</param>
    /// <param name="periodLabel">The period's label, such as <c>2024-03</c>.</param>
    /// <param name="netValue">The net value before flooring, in the ledger's units (negative).</param>
    public FlooredCell(CustomerId customer, int periodIndex, string periodLabel, long netValue)
    {
        Customer = customer;
        PeriodIndex = periodIndex;
        PeriodLabel = periodLabel;
        NetValue = netValue;
    }

    /// <summary>The customer.</summary>
    public CustomerId Customer { get; }

    /// <summary>The period's index relative to the grid (negative for history).</summary>
    public int PeriodIndex { get; }

    /// <summary>The period's label, such as <c>2024-03</c>.</summary>
    public string PeriodLabel { get; }

    /// <summary>The net value before flooring, in the ledger's units (negative).</summary>
    public long NetValue { get; }
}
