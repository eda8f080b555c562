using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Journey;

/// <summary>A customer meeting a touchpoint at an instant, with the outcome of that experience.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="TouchpointId">The touchpoint's id in the journey framework.</param>
/// <param name="At">When it happened.</param>
/// <param name="Outcome">Reliable, unreliable, or unknown.</param>
/// <param name="Channel">The channel (web, store, phone...), or null.</param>
/// <remarks>An input record, validated by <see cref="Validation.ExperienceEventValidator"/> where it is consumed.
/// <c>default(ExperienceEvent)</c> has an empty customer and is rejected.</remarks>
public readonly record struct ExperienceEvent(CustomerId Customer, string TouchpointId, Instant At, ExperienceOutcome Outcome, string? Channel = null);
