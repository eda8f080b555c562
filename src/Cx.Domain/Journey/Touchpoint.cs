namespace Cx.Domain.Journey;

/// <summary>A point where the customer meets the company, belonging to one journey stage, with an accountable owner.</summary>
/// <remarks>Validated together with its framework: id unique and non-empty, stage known, category set, name and owner
/// non-empty. Moments of truth are the touchpoints that make or break the relationship.</remarks>
public sealed record Touchpoint
{
    /// <summary>Initializes a touchpoint.</summary>
    /// <param name="id">A short stable identifier, such as <c>test-drive</c>.</param>
    /// <param name="name">The display name.</param>
    /// <param name="stageId">The id of the stage the touchpoint belongs to.</param>
    /// <param name="category">Which of the four categories of critical touchpoints it is.</param>
    /// <param name="owner">The accountable owner: a team or silo, such as <c>Sales operations</c>.</param>
    /// <param name="isMomentOfTruth">Whether it is a moment of truth.</param>
    /// <param name="description">An optional description.</param>
    public Touchpoint(string id, string name, string stageId, TouchpointCategory category, string owner, bool isMomentOfTruth = false, string? description = null)
    {
        Id = id;
        Name = name;
        StageId = stageId;
        Category = category;
        Owner = owner;
        IsMomentOfTruth = isMomentOfTruth;
        Description = description;
    }

    /// <summary>Gets the touchpoint's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the id of its stage.</summary>
    public string StageId { get; }

    /// <summary>Gets its category.</summary>
    public TouchpointCategory Category { get; }

    /// <summary>Gets the accountable owner (team or silo).</summary>
    public string Owner { get; }

    /// <summary>Gets a value indicating whether it is a moment of truth.</summary>
    public bool IsMomentOfTruth { get; }

    /// <summary>Gets the description, or null.</summary>
    public string? Description { get; }
}
