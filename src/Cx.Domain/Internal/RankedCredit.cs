using Cx.Domain.Attribution;

namespace Cx.Domain.Internal;

/// <summary>A movement's drill-down with its sort key: period position, the customer's rank in ordinal order of the ids,
/// and the direction (gains first).</summary>
internal readonly record struct RankedCredit(int Period, int Rank, AttributionDirection Direction, MovementCredit Credit);
