using Cx.Domain.Assets;
using Cx.Domain.Attribution;

namespace Cx.Domain.Internal;

/// <summary>A movement that is attributed: its customer's slot, its period's position among the analysed periods, its
/// direction and its value (the increase of a gain, the decrease of a loss; positive).</summary>
internal readonly record struct CountedMovement(CustomerMovement Movement, int Slot, int Period, AttributionDirection Direction, long Value);
