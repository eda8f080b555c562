namespace Cx.Domain.Samples;

/// <summary>What happens to the process of a reliability scenario after its reference days.</summary>
public enum ScenarioKind
{
    /// <summary>Not set; rejected by validation.</summary>
    None = 0,

    /// <summary>Nothing: the process stays at its in-control bad share throughout.</summary>
    InControl = 1,

    /// <summary>At the change day the bad share jumps to a multiple of the budget, for a number of days or to the end.</summary>
    SuddenBreak = 2,

    /// <summary>From the change day the values drift up linearly, so that more and more of them fail the threshold.</summary>
    SlowDrift = 3,

    /// <summary>Short outages of a few hours in which most events fail, every few weeks; otherwise in control.</summary>
    IntermittentOutages = 4,

    /// <summary>In control, with rare single values far beyond the usual failures (a hundred times the typical value).</summary>
    SingleOutliers = 5,
}
