using NodaTime;

namespace Cx.Domain.Samples;

/// <summary>A labelled change in a reliability scenario: what changed, from when, until when.</summary>
public sealed class ScenarioChange
{
    internal ScenarioChange(ScenarioKind kind, Instant start, Instant? end, string description)
    {
        Kind = kind;
        Start = start;
        End = end;
        Description = description;
    }

    /// <summary>Gets the kind of change.</summary>
    public ScenarioKind Kind { get; }

    /// <summary>Gets when the change starts.</summary>
    public Instant Start { get; }

    /// <summary>Gets when the process is back in control, or null when the change lasts to the end.</summary>
    public Instant? End { get; }

    /// <summary>Gets the change in words, such as <c>bad share 20% (4x the budget) for 21 days</c>.</summary>
    public string Description { get; }

    /// <summary>Returns the kind, start and description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Kind} at {Start}: {Description}";
}
