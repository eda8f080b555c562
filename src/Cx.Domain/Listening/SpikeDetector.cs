namespace Cx.Domain.Listening;

/// <summary>Which detector judged a period of a stage × topic series.</summary>
public enum SpikeDetector
{
    /// <summary>Not judged: too little history for either detector.</summary>
    None = 0,

    /// <summary>The Farrington-style quasi-Poisson baseline (Farrington et al. 1996; Noufaily et al. 2013), from the
    /// previous <see cref="SpikeDetectionOptions.BaselinePeriods"/> periods.</summary>
    Farrington = 1,

    /// <summary>EARS C2 (Hutwagner et al. 2003): the mean and standard deviation of a short baseline, two periods back.</summary>
    EarsC2 = 2,
}
