using System.Globalization;
using Cx.Domain.Primitives;

namespace Cx.Domain.Listening;

/// <summary>The verdict of a spike detector on one period of one stage × topic series of complaints: the count observed,
/// the count expected from the baseline, the threshold, and how likely a count this high is when nothing has changed.</summary>
/// <remarks>
/// <para>Immutable. The series counts complaints (and unaided feedback when
/// <see cref="ListeningOptions.IncludeUnaidedInSpikes"/>) about the stage and topic; a signal with two topics counts in
/// both series. <see cref="StageId"/> null is "no stage", <see cref="TopicId"/> null is "untagged".</para>
/// <para>A spike (<see cref="Status"/> = <see cref="SpikeStatus.Spike"/>) exactly when the observed count is above the
/// threshold, the count is not zero, and the last periods hold the minimum count. For Farrington with the negative
/// binomial threshold this is the same as <see cref="FalseAlarmProbability"/> &lt;= <see cref="Alpha"/>; for the 2/3-power
/// threshold and EARS C2, as <see cref="FalseAlarmProbability"/> &lt; <see cref="Alpha"/>.</para>
/// </remarks>
public sealed class SpikeCheck
{
    internal SpikeCheck(GridPeriod period, string? stageId, string stageName, string? topicId, string topicName, SpikeDetector detector, SpikeStatus status,
        long observed, double expected, double threshold, double falseAlarmProbability, double alpha, double dispersion, bool trendFitted, int baselinePeriods)
    {
        Period = period;
        StageId = stageId;
        StageName = stageName;
        TopicId = topicId;
        TopicName = topicName;
        Detector = detector;
        Status = status;
        Observed = observed;
        Expected = expected;
        Threshold = threshold;
        FalseAlarmProbability = falseAlarmProbability;
        Alpha = alpha;
        Dispersion = dispersion;
        TrendFitted = trendFitted;
        BaselinePeriods = baselinePeriods;
    }

    /// <summary>Gets the period judged.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the stage id, or null for "no stage".</summary>
    public string? StageId { get; }

    /// <summary>Gets the stage's display name.</summary>
    public string StageName { get; }

    /// <summary>Gets the topic id, or null for "untagged".</summary>
    public string? TopicId { get; }

    /// <summary>Gets the topic's display name.</summary>
    public string TopicName { get; }

    /// <summary>Gets the detector that judged the period.</summary>
    public SpikeDetector Detector { get; }

    /// <summary>Gets the verdict.</summary>
    public SpikeStatus Status { get; }

    /// <summary>Gets a value indicating whether the period is a spike.</summary>
    public bool IsSpike => Status == SpikeStatus.Spike;

    /// <summary>Gets the count in the period.</summary>
    public long Observed { get; }

    /// <summary>Gets the count expected from the baseline: the fitted mean (Farrington) or the baseline mean (EARS C2).</summary>
    public double Expected { get; }

    /// <summary>Gets the threshold: a count above it is a spike (a whole number for the negative binomial threshold).</summary>
    public double Threshold { get; }

    /// <summary>Gets the false-alarm probability of this count: the probability, under the baseline, of a count at least as
    /// high as <see cref="Observed"/> (negative binomial or Poisson for Farrington; the normal approximation of the
    /// 2/3-power threshold and of EARS C2 otherwise). Small means unlikely to be chance.</summary>
    public double FalseAlarmProbability { get; }

    /// <summary>Gets the detector's nominal false-alarm probability per period (α).</summary>
    public double Alpha { get; }

    /// <summary>Gets the over-dispersion φ of the Farrington baseline (variance = φ × mean, at least 1); 1 for EARS C2.</summary>
    public double Dispersion { get; }

    /// <summary>Gets a value indicating whether a significant time trend was kept in the Farrington baseline.</summary>
    public bool TrendFitted { get; }

    /// <summary>Gets how many periods the baseline used.</summary>
    public int BaselinePeriods { get; }

    /// <summary>Returns a short form such as <c>2025-04 purchase/financing-delay: 41 observed, 6.2 expected, threshold 14 (p=1.2E-012) spike</c>.</summary>
    /// <returns>The period, series, figures and verdict.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Period.Label} {StageId ?? "(no stage)"}/{TopicId ?? "(untagged)"}: {Observed} observed, {Expected:0.0} expected, threshold {Threshold:0.##} (p={FalseAlarmProbability:G3}) {Status}");
}
