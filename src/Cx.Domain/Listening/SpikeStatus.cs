namespace Cx.Domain.Listening;

/// <summary>The verdict on one period of a stage × topic series.</summary>
public enum SpikeStatus
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>The count is above the threshold, and the series has at least the minimum count: a spike.</summary>
    Spike = 1,

    /// <summary>The count is at or below the threshold.</summary>
    WithinBaseline = 2,

    /// <summary>The count is above the threshold, but the last periods hold fewer counts than the minimum: not flagged.</summary>
    TooFewCounts = 3,
}
