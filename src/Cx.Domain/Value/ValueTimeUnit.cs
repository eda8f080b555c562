namespace Cx.Domain.Value;

/// <summary>The unit in which customer summaries measure time (recency, age, horizons).</summary>
/// <remarks>Model parameters with a time scale (α of BG/NBD and Pareto/NBD, β of Pareto/NBD) are per this unit: a fit in
/// weeks and a fit in days of the same data give α in weeks and α in days (seven times larger), the same likelihood up
/// to a constant, and the same predictions.</remarks>
public enum ValueTimeUnit
{
    /// <summary>Not set (<c>default</c>); rejected.</summary>
    Unknown = 0,

    /// <summary>Days.</summary>
    Days = 1,

    /// <summary>Weeks of seven days (the unit of the published CDNOW analyses).</summary>
    Weeks = 2,
}
