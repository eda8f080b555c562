using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>A customer's value in one period, already summed (for example from a data warehouse's monthly revenue table).</summary>
/// <param name="Customer">The customer.</param>
/// <param name="PeriodIndex">The period's index relative to the grid's first period: 0 to Count - 1 inside the grid,
/// negative for history before it (for a custom grid every negative index is "before the grid").</param>
/// <param name="Value">The value; zero or more.</param>
/// <param name="Segment">The customer's segment in that period, or null.</param>
/// <remarks><c>default(AssetPeriodValue)</c> has an empty customer and is rejected by validation.</remarks>
public readonly record struct AssetPeriodValue(CustomerId Customer, int PeriodIndex, Money Value, string? Segment = null);
