using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>One cell of a cohort matrix: a cohort at an age.</summary>
public sealed record CohortCell
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="age">Periods since the cohort's first period (0 is the first period itself).</param>
    /// <param name="period">The period the cell measures.</param>
    /// <param name="activeCustomerCount">How many of the cohort's customers are active in that period.</param>
    /// <param name="value">Their total value in that period, in units.</param>
    /// <param name="unit">The unit of the values; whole <c>units</c> when null.</param>
    public CohortCell(int age, GridPeriod period, long activeCustomerCount, long value, MeasureUnit? unit = null)
    {
        Age = age;
        Unit = unit ?? Amounts.PlainUnits;
        Period = period;
        ActiveCustomerCount = activeCustomerCount;
        Value = value;
    }

    /// <summary>The unit of the values (the currency, for revenue); whole <c>units</c> when none was given.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Periods since the cohort's first period (0 is the first period itself).</summary>
    public int Age { get; }

    /// <summary>The period the cell measures.</summary>
    public GridPeriod Period { get; }

    /// <summary>How many of the cohort's customers are active in that period.</summary>
    public long ActiveCustomerCount { get; }

    /// <summary>Their total value in that period, in units.</summary>
    public long Value { get; }

    /// <summary>Returns a short form in the unit's major units.</summary>
    /// <returns>For example <c>age 3 (2024-04): 80 customers, USD 8,000.00</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"age {Age} ({Period}): {Amounts.Count(ActiveCustomerCount, "customer", "customers")}, {Amounts.Format(Unit, Value)}");
}
