using Cx.Domain.Primitives;

namespace Cx.Domain.Listening;

/// <summary>Customer effort of a stage in a period: the mean Customer Effort Score (1–7, higher is easier) with a Student t
/// interval, and the top-box share (7, "strongly agree it was easy") with a Wilson interval.</summary>
/// <remarks>
/// <para>Mean m and sample standard deviation s of the n scores; the interval is m ± t(1 - α/2, n - 1) s / √n, clipped to
/// the scale [1, 7]; <see cref="SurveyMetric.StandardError"/> is s / √n. With a single response there is no spread to
/// estimate: the standard error is reported as 0 and the interval is the whole scale.</para>
/// </remarks>
public sealed class CesMetric : SurveyMetric
{
    internal CesMetric(GridPeriod period, string? stageId, string stageName, long responses, double standardDeviation, long topBox, double confidenceLevel, bool hasEnoughResponses,
        SurveyInterval mean, SurveyInterval topBoxShare)
        : base(period, stageId, stageName, responses, mean.Estimate, mean.StandardError, mean.Lower, mean.Upper, confidenceLevel, hasEnoughResponses)
    {
        StandardDeviation = standardDeviation;
        TopBoxCount = topBox;
        TopBoxShare = topBoxShare.Estimate;
        TopBoxLower = topBoxShare.Lower;
        TopBoxUpper = topBoxShare.Upper;
    }

    /// <inheritdoc/>
    public override SurveyInstrument Instrument => SurveyInstrument.Ces;

    /// <summary>Gets the sample standard deviation of the scores (n - 1 in the denominator); 0 for one response.</summary>
    public double StandardDeviation { get; }

    /// <summary>Gets the number of top-box responses (score 7).</summary>
    public long TopBoxCount { get; }

    /// <summary>Gets the top-box share, in percent.</summary>
    public double TopBoxShare { get; }

    /// <summary>Gets the lower end of the top-box share's Wilson interval, in percent.</summary>
    public double TopBoxLower { get; }

    /// <summary>Gets the upper end of the top-box share's Wilson interval, in percent.</summary>
    public double TopBoxUpper { get; }
}
