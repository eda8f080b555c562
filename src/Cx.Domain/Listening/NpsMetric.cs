using Cx.Domain.Primitives;

namespace Cx.Domain.Listening;

/// <summary>The Net Promoter Score of a stage in a period: promoters (9–10) minus detractors (0–6), in points, with the
/// adjusted-Wald interval of Rocks (2016).</summary>
/// <remarks>
/// <para>NPS = 100 (P - D) / n. The interval adds 3/4 of a promoter and 3/4 of a detractor and 3 responses:
/// p' = (P + 3/4) / (n + 3), d' = (D + 3/4) / (n + 3), NPS' = p' - d', Var = (p' + d' - NPS'²) / (n + 3), and the interval
/// is 100 (NPS' ± z √Var), clipped to [-100, 100]. <see cref="SurveyMetric.StandardError"/> is 100 √Var.</para>
/// <para>The interval is centered on the adjusted score, which pulls extreme scores of small samples toward 0: at 95% it
/// contains the raw score for every sample of 2 or more responses, at 90% of 5 or more (a single promoter scores 100 with
/// an interval ending at 98.5).</para>
/// </remarks>
public sealed class NpsMetric : SurveyMetric
{
    internal NpsMetric(GridPeriod period, string? stageId, string stageName, long promoters, long passives, long detractors, double confidenceLevel, bool hasEnoughResponses, SurveyInterval interval)
        : base(period, stageId, stageName, promoters + passives + detractors, interval.Estimate, interval.StandardError, interval.Lower, interval.Upper, confidenceLevel, hasEnoughResponses)
    {
        PromoterCount = promoters;
        PassiveCount = passives;
        DetractorCount = detractors;
        AdjustedScore = interval.Center;
    }

    /// <inheritdoc/>
    public override SurveyInstrument Instrument => SurveyInstrument.Nps;

    /// <summary>Gets the number of promoters (scores 9 and 10).</summary>
    public long PromoterCount { get; }

    /// <summary>Gets the number of passives (7 and 8).</summary>
    public long PassiveCount { get; }

    /// <summary>Gets the number of detractors (0 to 6).</summary>
    public long DetractorCount { get; }

    /// <summary>Gets the adjusted score 100 (p' - d'), the center of the interval.</summary>
    public double AdjustedScore { get; }
}
