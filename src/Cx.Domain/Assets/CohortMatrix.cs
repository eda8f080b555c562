using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>Customers grouped by first active period, with count and value retained by age.</summary>
public sealed record CohortMatrix
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <param name="rows">One row per grid period (possibly an empty cohort), in order.</param>
    /// <param name="customersFirstActiveBeforeGrid">Customers whose first activity was in history before the grid; they belong to no row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="rows"/> holds a null row.</exception>
    public CohortMatrix(PeriodGrid grid, MeasureUnit unit, IReadOnlyList<CohortRow> rows, long customersFirstActiveBeforeGrid)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Any(r => r is null))
        {
            throw new ArgumentException("Expected a row for every grid period, got a null row.", nameof(rows));
        }

        Grid = grid;
        Unit = unit;
        Rows = rows;
        CustomersFirstActiveBeforeGrid = customersFirstActiveBeforeGrid;
    }

    /// <summary>The grid.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>The unit of the values.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>One row per grid period (possibly an empty cohort), in order.</summary>
    public IReadOnlyList<CohortRow> Rows { get; }

    /// <summary>Customers whose first activity was in history before the grid; they belong to no row.</summary>
    public long CustomersFirstActiveBeforeGrid { get; }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>cohort matrix, monthly 2024-01..2024-12 (12 periods), USD, 12 cohorts, 3000 customers</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cohort matrix, {Grid}, {Unit}, {Rows.Count} cohorts, {Rows.Sum(r => r.CustomerCount)} customers");
}
