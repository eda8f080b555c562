using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>One cell of a cohort matrix: a cohort at an age.</summary>
/// <param name="Age">Periods since the cohort's first period (0 is the first period itself).</param>
/// <param name="Period">The period the cell measures.</param>
/// <param name="ActiveCustomerCount">How many of the cohort's customers are active in that period.</param>
/// <param name="Value">Their total value in that period, in units.</param>
public sealed record CohortCell(int Age, Period Period, long ActiveCustomerCount, long Value);
