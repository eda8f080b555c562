namespace Cx.Domain.Reliability;

/// <summary>The kind of early-warning detector behind a firing or an escalation of a warning episode.</summary>
public enum WarningDetectorKind
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>A multi-window burn-rate rule with its evidence gates (<see cref="BurnRateRules"/>).</summary>
    BurnRate = 1,

    /// <summary>The Bernoulli CUSUM on the pass/fail stream (<see cref="BernoulliCusumDetector"/>).</summary>
    BernoulliCusum = 2,

    /// <summary>The robust CUSUM on subgroup means of the values (<see cref="ValueDriftDetector"/>).</summary>
    ValueDrift = 3,

    /// <summary>The EWMA, CUSUM and run rules on every value (<see cref="IndividualValueCharts"/>).</summary>
    IndividualValueCharts = 4,
}
