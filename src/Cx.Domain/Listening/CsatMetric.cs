using Cx.Domain.Primitives;

namespace Cx.Domain.Listening;

/// <summary>Customer satisfaction of a stage in a period: the share of responses in the top two boxes of their scale, in
/// percent, with a Wilson score interval.</summary>
/// <remarks>
/// <para>Each response counts as satisfied when its score is one of the two highest points of its own stated scale (4 or 5
/// on 1–5, 6 or 7 on 1–7), so responses on different scales can be pooled. With s satisfied of n and p = s / n, the Wilson
/// interval is (p + z²/2n ± z √(p(1 - p)/n + z²/4n²)) / (1 + z²/n) (Wilson 1927), in percent; it always contains p.
/// <see cref="SurveyMetric.StandardError"/> is 100 √(p(1 - p)/n).</para>
/// </remarks>
public sealed class CsatMetric : SurveyMetric
{
    internal CsatMetric(GridPeriod period, string? stageId, string stageName, long responses, long satisfied, double confidenceLevel, bool hasEnoughResponses, SurveyInterval interval)
        : base(period, stageId, stageName, responses, interval.Estimate, interval.StandardError, interval.Lower, interval.Upper, confidenceLevel, hasEnoughResponses)
    {
        SatisfiedCount = satisfied;
    }

    /// <inheritdoc/>
    public override SurveyInstrument Instrument => SurveyInstrument.Csat;

    /// <summary>Gets the number of responses in the top two boxes.</summary>
    public long SatisfiedCount { get; }
}
