using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The aggregate value of one period, such as a week's first-contact resolution rate of 87%.</summary>
/// <param name="SubjectId">The id of a standard judged on periodic aggregates (or of its touchpoint).</param>
/// <param name="Period">The dates the aggregate covers, both ends inclusive.</param>
/// <param name="Value">The aggregate value, finite.</param>
/// <remarks>An input record: each aggregate is judged once against the threshold, as one event stamped at the start of the
/// day after <paramref name="Period"/> ends (in the standard's zone), when the period's figure is known. Two aggregates
/// of one standard for the same period are rejected (CX0517).</remarks>
public readonly record struct PeriodAggregate(string SubjectId, DateInterval Period, double Value);
