namespace Cx.Domain.Reliability;

/// <summary>Which way a drift signal points, relative to the baseline mean.</summary>
public enum DriftDirection
{
    /// <summary>No direction (a pattern such as alternation or hugging the centre line).</summary>
    None = 0,

    /// <summary>Values above the baseline.</summary>
    Up = 1,

    /// <summary>Values below the baseline.</summary>
    Down = 2,
}
