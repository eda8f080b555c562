namespace Cx.Domain.Journey;

/// <summary>One stage of the customer journey, such as "research" or "renewal".</summary>
/// <remarks>Stages are validated together when a <see cref="JourneyFramework"/> is created: ids unique and non-empty,
/// names non-empty, positions 1 to the number of stages with no gap or repeat.</remarks>
public sealed record JourneyStage
{
    /// <summary>Initializes a stage.</summary>
    /// <param name="id">A short stable identifier, such as <c>research</c>.</param>
    /// <param name="name">The display name.</param>
    /// <param name="position">The 1-based position of the stage along the journey.</param>
    /// <param name="description">An optional description.</param>
    public JourneyStage(string id, string name, int position, string? description = null)
    {
        Id = id;
        Name = name;
        Position = position;
        Description = description;
    }

    /// <summary>Gets the stage's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the 1-based position along the journey.</summary>
    public int Position { get; }

    /// <summary>Gets the description, or null.</summary>
    public string? Description { get; }
}
