using Cx.Domain.Journey;

namespace Cx.Domain.Internal;

/// <summary>One accepted experience event in an <see cref="AttributionIndex"/>: its instant (Unix ticks), its touchpoint
/// (index into the framework's touchpoints) and its outcome.</summary>
internal readonly record struct AttributionTouch(long Ticks, int Touchpoint, ExperienceOutcome Outcome);
