namespace Cx.Domain.Journey;

/// <summary>Whether an experience at a touchpoint met the standard of the process behind it.</summary>
public enum ExperienceOutcome
{
    /// <summary>Not known (no measurement, or not judged).</summary>
    Unknown = 0,

    /// <summary>The experience met the touchpoint's standard.</summary>
    Reliable = 1,

    /// <summary>The experience failed the touchpoint's standard (late, wrong, broken).</summary>
    Unreliable = 2,
}
