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
    public CohortCell(int age, GridPeriod period, long activeCustomerCount, long value)
    {
        Age = age;
        Period = period;
        ActiveCustomerCount = activeCustomerCount;
        Value = value;
    }

    /// <summary>Periods since the cohort's first period (0 is the first period itself).</summary>
    public int Age { get; }

    /// <summary>The period the cell measures.</summary>
    public GridPeriod Period { get; }

    /// <summary>How many of the cohort's customers are active in that period.</summary>
    public long ActiveCustomerCount { get; }

    /// <summary>Their total value in that period, in units.</summary>
    public long Value { get; }
}
