using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>A customer and period whose negative net value was counted as zero under <see cref="NegativeValuePolicy.FloorAtZero"/>.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="PeriodIndex">The period's index relative to the grid (negative for history).</param>
/// <param name="PeriodLabel">The period's label, such as <c>2024-03</c>.</param>
/// <param name="NetValue">The net value before flooring, in the ledger's units (negative).</param>
public sealed record FlooredCell(CustomerId Customer, int PeriodIndex, string PeriodLabel, long NetValue);
