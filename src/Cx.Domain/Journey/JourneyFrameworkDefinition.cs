namespace Cx.Domain.Journey;

/// <summary>The unvalidated parts of a journey framework: the input of <see cref="JourneyFramework.Create(JourneyFrameworkDefinition)"/>
/// and of <see cref="Validation.JourneyFrameworkValidator"/>.</summary>
/// <param name="Name">The framework's name.</param>
/// <param name="Stages">The stages, in any order (their positions decide the order).</param>
/// <param name="Touchpoints">The touchpoints.</param>
public sealed record JourneyFrameworkDefinition(string Name, IReadOnlyList<JourneyStage> Stages, IReadOnlyList<Touchpoint> Touchpoints);
