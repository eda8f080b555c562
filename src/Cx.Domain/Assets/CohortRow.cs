using System.Globalization;
using Cx.Domain.Internal;
using System.Collections.Immutable;
using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>One cohort: the customers whose first active period is <see cref="Cohort"/>, followed by age.</summary>
public sealed record CohortRow
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="cohort">The cohort's first active period.</param>
    /// <param name="customerCount">The cohort's size.</param>
    /// <param name="cells">One cell per age, from 0 to the end of the grid.</param>
    /// <param name="unit">The unit of the values; whole <c>units</c> when null.</param>
    public CohortRow(GridPeriod cohort, long customerCount, ImmutableArray<CohortCell> cells, MeasureUnit? unit = null)
    {
        Cohort = cohort;
        Unit = unit ?? Amounts.PlainUnits;
        CustomerCount = customerCount;
        Cells = cells;
    }

    /// <summary>The unit of the values (the currency, for revenue); whole <c>units</c> when none was given.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>The cohort's first active period.</summary>
    public GridPeriod Cohort { get; }

    /// <summary>The cohort's size.</summary>
    public long CustomerCount { get; }

    /// <summary>One cell per age, from 0 to the end of the grid.</summary>
    public ImmutableArray<CohortCell> Cells { get; }

    /// <summary>Gets the cohort's value in its first period (age 0).</summary>
    public long InitialValue => Cells.IsDefaultOrEmpty ? 0 : Cells[0].Value;

    /// <summary>Returns the share of the cohort's customers active at an age.</summary>
    /// <param name="age">The age, 0 to the last cell.</param>
    /// <returns>The fraction, or null for an empty cohort.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="age"/> is outside the row.</exception>
    public double? CustomerRetentionFraction(int age) => CustomerCount == 0 ? null : (double)Cell(age).ActiveCustomerCount / CustomerCount;

    /// <summary>Returns the cohort's value at an age relative to its initial value (above 1 when it grew).</summary>
    /// <param name="age">The age, 0 to the last cell.</param>
    /// <returns>The fraction, or null when the initial value is zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="age"/> is outside the row.</exception>
    public double? ValueRetentionFraction(int age) => InitialValue == 0 ? null : (double)Cell(age).Value / InitialValue;

    private CohortCell Cell(int age) =>
        unchecked((uint)age < (uint)Cells.Length) ? Cells[age] : throw new ArgumentOutOfRangeException(nameof(age), age, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an age from 0 to {Cells.Length - 1}."));

    /// <summary>Returns a short form in the unit's major units.</summary>
    /// <returns>For example <c>cohort 2024-01: 120 customers, initial USD 12,000.00, 12 ages</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cohort {Cohort}: {Amounts.Count(CustomerCount, "customer", "customers")}, initial {Amounts.Format(Unit, InitialValue)}, {Amounts.Count(Cells.IsDefault ? 0 : Cells.Length, "age", "ages")}");
}
