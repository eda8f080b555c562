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
/// <para>The checks of quiet periods (no count in the period nor in any period the detector reads) are built when read
/// from <see cref="ListeningReport.SpikeChecks"/>: compare checks by their properties, not by reference.</para>
/// </remarks>
public sealed class SpikeCheck
{
    private readonly SpikeSeriesLabel _series;
    private readonly SpikeVerdict _verdict;

    internal SpikeCheck(GridPeriod period, SpikeSeriesLabel series, SpikeVerdict verdict)
    {
        Period = period;
        _series = series;
        _verdict = verdict;
    }

    /// <summary>Gets the period judged.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the stage id, or null for "no stage".</summary>
    public string? StageId => _series.StageId;

    /// <summary>Gets the stage's display name.</summary>
    public string StageName => _series.StageName;

    /// <summary>Gets the topic id, or null for "untagged".</summary>
    public string? TopicId => _series.TopicId;

    /// <summary>Gets the topic's display name.</summary>
    public string TopicName => _series.TopicName;

    /// <summary>Gets the detector that judged the period.</summary>
    public SpikeDetector Detector => _verdict.Detector;

    /// <summary>Gets the verdict.</summary>
    public SpikeStatus Status => _verdict.Status;

    /// <summary>Gets a value indicating whether the period is a spike.</summary>
    public bool IsSpike => Status == SpikeStatus.Spike;

    /// <summary>Gets the count in the period.</summary>
    public long Observed => _verdict.Observed;

    /// <summary>Gets the count expected from the baseline: the fitted mean (Farrington) or the baseline mean (EARS C2).</summary>
    public double Expected => _verdict.Expected;

    /// <summary>Gets the threshold: a count above it is a spike (a whole number for the negative binomial threshold).</summary>
    public double Threshold => _verdict.Threshold;

    /// <summary>Gets the false-alarm probability of this count: the probability, under the baseline, of a count at least as
    /// high as <see cref="Observed"/> (negative binomial or Poisson for Farrington; the normal approximation of the
    /// 2/3-power threshold and of EARS C2 otherwise). Small means unlikely to be chance.</summary>
    public double FalseAlarmProbability => _verdict.FalseAlarmProbability;

    /// <summary>Gets the detector's nominal false-alarm probability per period (α).</summary>
    public double Alpha => _verdict.Alpha;

    /// <summary>Gets the over-dispersion φ of the Farrington baseline (variance = φ × mean, at least 1); 1 for EARS C2.</summary>
    public double Dispersion => _verdict.Dispersion;

    /// <summary>Gets a value indicating whether a significant time trend was kept in the Farrington baseline.</summary>
    public bool TrendFitted => _verdict.TrendFitted;

    /// <summary>Gets how many periods the baseline used.</summary>
    public int BaselinePeriods => _verdict.BaselinePeriods;

    /// <summary>Returns a short form such as <c>2025-04 purchase/financing-delay: 41 observed, 6.2 expected, threshold 14 (p=1.2E-012) spike</c>.</summary>
    /// <returns>The period, series, figures and verdict.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Period.Label} {StageId ?? "(no stage)"}/{TopicId ?? "(untagged)"}: {Observed} observed, {Expected:0.0} expected, threshold {Threshold:0.##} (p={FalseAlarmProbability:G3}) {Status}");
}
