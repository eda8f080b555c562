using System.Globalization;

namespace Cx.Domain.Listening;

/// <summary>The settings a <see cref="ListeningReport"/> was computed with (an immutable copy of the options that matter
/// for reading it).</summary>
public sealed class ListeningSettings
{
    internal ListeningSettings(ListeningOptions options)
    {
        ZoneId = options.Zone.Id;
        ConfidenceLevel = options.ConfidenceLevel;
        MinimumResponses = options.MinimumResponses;
        IncludesUnaidedInSpikes = options.IncludeUnaidedInSpikes;
        SpikeDetectionOptions spikes = options.Spikes;
        BaselinePeriods = spikes.BaselinePeriods;
        Alpha = spikes.Alpha;
        Threshold = spikes.Threshold;
        MinimumCount = spikes.MinimumCount;
        MinimumCountPeriods = spikes.MinimumCountPeriods;
        UsesEars = spikes.UseEarsForShortHistories;
        EarsBaselinePeriods = spikes.EarsBaselinePeriods;
        EarsLag = spikes.EarsLag;
        EarsAlpha = spikes.EarsAlpha;
        int n = spikes.EarsBaselinePeriods;
        double z = Internal.NormalDistribution.Quantile(1 - spikes.EarsAlpha);
        EarsInControlAlarmRate = Internal.StudentTDistribution.UpperTail(z * Math.Sqrt(n / (n + 1.0)), n - 1);
    }

    /// <summary>Gets the id of the business time zone.</summary>
    public string ZoneId { get; }

    /// <summary>Gets the confidence level of survey intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets the responses per period a comparison needs.</summary>
    public int MinimumResponses { get; }

    /// <summary>Gets a value indicating whether unaided feedback counts toward spikes.</summary>
    public bool IncludesUnaidedInSpikes { get; }

    /// <summary>Gets the Farrington baseline length, in periods.</summary>
    public int BaselinePeriods { get; }

    /// <summary>Gets the Farrington α.</summary>
    public double Alpha { get; }

    /// <summary>Gets the Farrington threshold method.</summary>
    public FarringtonThreshold Threshold { get; }

    /// <summary>Gets the minimum count for a spike.</summary>
    public int MinimumCount { get; }

    /// <summary>Gets the periods over which the minimum count is counted.</summary>
    public int MinimumCountPeriods { get; }

    /// <summary>Gets a value indicating whether EARS C2 judges short histories.</summary>
    public bool UsesEars { get; }

    /// <summary>Gets the EARS C2 baseline length, in periods.</summary>
    public int EarsBaselinePeriods { get; }

    /// <summary>Gets the EARS C2 lag, in periods.</summary>
    public int EarsLag { get; }

    /// <summary>Gets the EARS C2 α.</summary>
    public double EarsAlpha { get; }

    /// <summary>Gets EARS C2's real in-control alarm rate for normally distributed counts: with the baseline's mean and
    /// standard deviation estimated from n periods, P(T(n-1) &gt; z(1 - α) √(n / (n + 1))) — 1.38% for the defaults (n = 7,
    /// α = 0.001), about 14 times the nominal α.</summary>
    public double EarsInControlAlarmRate { get; }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>Farrington b=12 α=0.01 (NegativeBinomialQuantile), EARS C2 7+2 α=0.001, at least 5 in 4 periods, 95% intervals</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Farrington b={BaselinePeriods} α={Alpha} ({Threshold}), EARS C2 {EarsBaselinePeriods}+{EarsLag} α={EarsAlpha}, at least {MinimumCount} in {MinimumCountPeriods} periods, {ConfidenceLevel:P0} intervals");
}
