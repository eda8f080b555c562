namespace Cx.Domain.Reliability;

/// <summary>Which run rules to apply to individual values beside the EWMA and CUSUM charts.</summary>
public enum RunRuleSet
{
    /// <summary>No run rules.</summary>
    None = 0,

    /// <summary>Western Electric rules 1 to 4 (Western Electric Statistical Quality Control Handbook, 1956).</summary>
    WesternElectric = 1,

    /// <summary>Nelson rules 1 to 8 (L. S. Nelson, Journal of Quality Technology 16(4), 1984).</summary>
    Nelson = 2,
}
