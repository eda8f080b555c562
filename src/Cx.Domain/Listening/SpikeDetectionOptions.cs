namespace Cx.Domain.Listening;

/// <summary>The settings of the spike detectors: a Farrington-style quasi-Poisson baseline for series with enough history,
/// the EARS C2 baseline for short ones, and the minimum count below which nothing is flagged.</summary>
/// <remarks>
/// <para>An options type: settable, validated when a calculator is created (CX0715). The defaults follow R's
/// <c>surveillance</c> package where it has one (<c>farringtonFlexible</c>: reweighting threshold 2.58, trend only when
/// significant at 5%, at least 5 counts in the last 4 periods; <c>earsC</c>: C2 with a 7-period baseline two periods back,
/// α = 0.001) and choose a stricter Farrington α of 1% because a journey has many stage × topic series a month.</para>
/// <para>A series is judged in period k by Farrington when the <see cref="BaselinePeriods"/> periods before k exist, by EARS
/// C2 when at least <see cref="EarsBaselinePeriods"/> + <see cref="EarsLag"/> do (and <see cref="UseEarsForShortHistories"/>),
/// and not at all before that.</para>
/// </remarks>
public sealed class SpikeDetectionOptions
{
    /// <summary>Gets or sets how many previous periods the Farrington baseline uses (b; no seasonal window: the b periods just
    /// before the one judged), 3 to 1,000; 12 by default.</summary>
    public int BaselinePeriods { get; set; } = 12;

    /// <summary>Gets or sets the Farrington detector's nominal false-alarm probability per period and series (α), above 0 and
    /// below 0.5; 0.01 by default.</summary>
    public double Alpha { get; set; } = 0.01;

    /// <summary>Gets or sets the threshold method; <see cref="FarringtonThreshold.NegativeBinomialQuantile"/> by default.</summary>
    public FarringtonThreshold Threshold { get; set; } = FarringtonThreshold.NegativeBinomialQuantile;

    /// <summary>Gets or sets a value indicating whether a linear time trend is fitted (and kept only when significant, when the
    /// prediction does not exceed the baseline's largest count); <see langword="true"/> by default.</summary>
    public bool FitTrend { get; set; } = true;

    /// <summary>Gets or sets the significance level of the trend's t test, above 0 and below 1; 0.05 by default.</summary>
    public double TrendSignificance { get; set; } = 0.05;

    /// <summary>Gets or sets a value indicating whether baseline periods with large Anscombe residuals (past outbreaks) are
    /// down-weighted and the model refitted; <see langword="true"/> by default.</summary>
    public bool Reweight { get; set; } = true;

    /// <summary>Gets or sets the Anscombe residual above which a baseline period is down-weighted (Noufaily et al. 2013:
    /// 2.58; Farrington et al. 1996: 1), above 0; 2.58 by default.</summary>
    public double ReweightingThreshold { get; set; } = 2.58;

    /// <summary>Gets or sets the minimum number of counts in the last <see cref="MinimumCountPeriods"/> periods (the one
    /// judged included) for any spike to be flagged, 0 or more; 5 by default.</summary>
    public int MinimumCount { get; set; } = 5;

    /// <summary>Gets or sets over how many periods <see cref="MinimumCount"/> is counted, 1 to 1,000; 4 by default.</summary>
    public int MinimumCountPeriods { get; set; } = 4;

    /// <summary>Gets or sets a value indicating whether series with too little history for Farrington are judged by EARS C2;
    /// <see langword="true"/> by default.</summary>
    public bool UseEarsForShortHistories { get; set; } = true;

    /// <summary>Gets or sets how many periods the EARS C2 baseline averages, 3 to 1,000; 7 by default.</summary>
    public int EarsBaselinePeriods { get; set; } = 7;

    /// <summary>Gets or sets the gap between the EARS baseline and the period judged, 0 to 100; 2 by default (C2).</summary>
    public int EarsLag { get; set; } = 2;

    /// <summary>Gets or sets EARS C2's nominal α: the threshold is the baseline mean plus z(1 - α) standard deviations, above 0
    /// and below 0.5; 0.001 by default (z = 3.09). Its real in-control rate is higher (see the concepts page).</summary>
    public double EarsAlpha { get; set; } = 0.001;

    /// <summary>Gets or sets the smallest standard deviation EARS C2 uses, so that a flat baseline does not flag every
    /// increase, 0 or more; 0 by default (as R).</summary>
    public double EarsMinimumSigma { get; set; }
}
