namespace Cx.Domain.Listening;

/// <summary>How the Farrington detector turns its baseline into a threshold.</summary>
public enum FarringtonThreshold
{
    /// <summary>Not set; rejected.</summary>
    Unknown = 0,

    /// <summary>The (1 - α) quantile of a negative binomial with the baseline's mean and dispersion (Poisson when the
    /// dispersion is 1): the "nbPlugin" threshold of Noufaily et al. (2013), R <c>surveillance::farringtonFlexible</c>
    /// with <c>thresholdMethod = "nbPlugin"</c>. Exact for counts, also when they are small.</summary>
    NegativeBinomialQuantile = 1,

    /// <summary>The normal approximation on the 2/3-power scale of the original Farrington et al. (1996), with the
    /// prediction's own uncertainty: R's <c>thresholdMethod = "delta"</c>.</summary>
    TwoThirdsPower = 2,
}
