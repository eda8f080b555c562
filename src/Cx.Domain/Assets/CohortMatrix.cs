using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>Customers grouped by first active period, with count and value retained by age.</summary>
/// <param name="Grid">The grid.</param>
/// <param name="Unit">The unit of the values.</param>
/// <param name="Rows">One row per grid period (possibly an empty cohort), in order.</param>
/// <param name="CustomersFirstActiveBeforeGrid">Customers whose first activity was in history before the grid; they belong to no row.</param>
public sealed record CohortMatrix(PeriodGrid Grid, MeasureUnit Unit, IReadOnlyList<CohortRow> Rows, long CustomersFirstActiveBeforeGrid);
