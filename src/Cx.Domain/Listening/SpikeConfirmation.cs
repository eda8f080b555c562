namespace Cx.Domain.Listening;

/// <summary>Do the surveys confirm what unaided feedback shows? For one spike: whether the stage's survey metric moved the
/// same way (down) in the spike's period or the next one, with the test behind the verdict.</summary>
/// <remarks>
/// <para>Immutable. The instrument is the one with the most responses at the stage over the period before the spike, the
/// spike's period and the next (ties: NPS, then CSAT, then CES); a spike with no stage is compared with the whole
/// company's surveys. Two changes are examined: into the spike's period, and into the next period (surveys often lag a
/// period behind complaints). <see cref="Evidence"/> is the change the verdict rests on: the significant fall for
/// <see cref="ConfirmationVerdict.Confirmed"/>, the significant rise for <see cref="ConfirmationVerdict.Contradicted"/>,
/// otherwise the comparison with the smallest p-value that has enough responses, or null.</para>
/// </remarks>
public sealed class SpikeConfirmation
{
    internal SpikeConfirmation(SpikeCheck spike, ConfirmationVerdict verdict, SurveyInstrument instrument, SurveyChange? evidence, IReadOnlyList<SurveyChange> comparisons)
    {
        Spike = spike;
        Verdict = verdict;
        Instrument = instrument;
        Evidence = evidence;
        Comparisons = comparisons;
    }

    /// <summary>Gets the spike.</summary>
    public SpikeCheck Spike { get; }

    /// <summary>Gets the verdict.</summary>
    public ConfirmationVerdict Verdict { get; }

    /// <summary>Gets the instrument compared, or <see cref="SurveyInstrument.None"/> when the stage has no responses around the spike.</summary>
    public SurveyInstrument Instrument { get; }

    /// <summary>Gets the change the verdict rests on, or null.</summary>
    public SurveyChange? Evidence { get; }

    /// <summary>Gets every comparison examined (zero to two), in time order.</summary>
    public IReadOnlyList<SurveyChange> Comparisons { get; }

    /// <summary>Returns a short form such as <c>2025-04 purchase/financing-delay: Confirmed by CSAT (...)</c>.</summary>
    /// <returns>The spike, verdict and evidence.</returns>
    public override string ToString() =>
        $"{Spike.Period.Label} {Spike.StageId ?? "(no stage)"}/{Spike.TopicId ?? "(untagged)"}: {Verdict}" + (Evidence is null ? string.Empty : $" ({Evidence})");
}
