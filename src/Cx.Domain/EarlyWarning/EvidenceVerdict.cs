namespace Cx.Domain.EarlyWarning;

/// <summary>Whether an estimate has the evidence to be acted on, and if not, why not.</summary>
/// <remarks>A figure whose verdict is not <see cref="Sufficient"/> is still given with its interval, but the priorities do
/// not count it and the reports say "too little evidence" with the reason, never the bare number.</remarks>
public enum EvidenceVerdict
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>Enough exposed customer-periods, and the interval excludes no effect.</summary>
    Sufficient = 1,

    /// <summary>Fewer exposed customer-periods in the history than <see cref="EarlyWarningOptions.MinimumExposedCount"/>.</summary>
    TooFewExposed = 2,

    /// <summary>Enough exposed customer-periods, but the interval includes no effect (zero difference, or a ratio of one).</summary>
    IncludesNoEffect = 3,

    /// <summary>Nothing to compare with: no history whose horizon has closed, no unexposed customers in the exposed ones'
    /// strata, or no outcome at all in one of the groups.</summary>
    NoComparison = 4,
}
