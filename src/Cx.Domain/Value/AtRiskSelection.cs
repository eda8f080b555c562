namespace Cx.Domain.Value;

/// <summary>Which customers count as at risk.</summary>
public enum AtRiskSelection
{
    /// <summary>Not set (<c>default</c>); rejected.</summary>
    Unknown = 0,

    /// <summary>Customers whose P(alive) is below the threshold, ranked by value at risk.</summary>
    ProbabilityAliveBelowThreshold = 1,

    /// <summary>All customers, ranked by the value the chance of having left takes away (largest expected-value drop).</summary>
    LargestValueDrop = 2,
}
