using System.Globalization;
using Cx.Domain.Primitives;

namespace Cx.Domain.Listening;

/// <summary>The listening path of a period grid: stage by stage what customers said (volumes, share of voice, complaint
/// rates), which complaints are spiking, what the surveys say with their uncertainty, and whether the surveys confirm the
/// spikes.</summary>
/// <remarks>
/// <para>Immutable; built by <see cref="ListeningCalculator"/>. Every figure carries what it was computed from: counts, n,
/// expected counts and thresholds, standard errors and tests. Signals dated before or after the grid are not in any
/// period; they are counted in <see cref="BeforeGridCount"/> and <see cref="AfterGridCount"/>, never dropped silently.</para>
/// <para>Orders are fixed: periods in grid order; within a period stages in journey order (the whole company, as "All
/// stages", first for survey metrics), topics in taxonomy order; instruments NPS, CSAT, CES.</para>
/// </remarks>
public sealed class ListeningReport
{
    internal ListeningReport(PeriodGrid grid, string journeyName, TopicTaxonomy topics, ListeningSettings settings, long beforeGrid, long afterGrid,
        IReadOnlyList<ListeningPeriod> periods, IReadOnlyList<SpikeCheck> spikeChecks, IReadOnlyList<SpikeCheck> spikes, IReadOnlyList<SurveyMetric> surveys, IReadOnlyList<SurveyChange> changes,
        IReadOnlyList<SpikeConfirmation> confirmations, bool hasActiveCustomers)
    {
        Grid = grid;
        JourneyName = journeyName;
        Topics = topics;
        Settings = settings;
        BeforeGridCount = beforeGrid;
        AfterGridCount = afterGrid;
        Periods = periods;
        SpikeChecks = spikeChecks;
        Spikes = spikes;
        Surveys = surveys;
        Changes = changes;
        Confirmations = confirmations;
        HasActiveCustomers = hasActiveCustomers;
        SignalCount = periods.Sum(p => p.SignalCount);
    }

    /// <summary>Gets the period grid.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>Gets the name of the journey framework.</summary>
    public string JourneyName { get; }

    /// <summary>Gets the topics counted: the taxonomy given, or the topics the signals carried (<see cref="TopicTaxonomy.IsAdHoc"/>).</summary>
    public TopicTaxonomy Topics { get; }

    /// <summary>Gets the settings the report was computed with.</summary>
    public ListeningSettings Settings { get; }

    /// <summary>Gets the number of signals inside the grid.</summary>
    public long SignalCount { get; }

    /// <summary>Gets the number of signals dated before the grid's first period (in the business time zone).</summary>
    public long BeforeGridCount { get; }

    /// <summary>Gets the number of signals dated after the grid's last period.</summary>
    public long AfterGridCount { get; }

    /// <summary>Gets a value indicating whether active customers were given, so that complaint rates are known.</summary>
    public bool HasActiveCustomers { get; }

    /// <summary>Gets the volumes of every period, in grid order (the periods without signals share their zero breakdowns).</summary>
    public IReadOnlyList<ListeningPeriod> Periods { get; }

    /// <summary>Gets every judged period of every stage × topic series that has complaints, by period, then stage, then topic.</summary>
    /// <remarks>The checks of quiet periods — where the series has no count in the period nor in any period the detector
    /// reads, so the verdict is 0 observed, 0 expected, within the baseline — are built when read, so that a long grid costs
    /// memory only for the periods near a count: reading such a check twice gives two equal objects.</remarks>
    public IReadOnlyList<SpikeCheck> SpikeChecks { get; }

    /// <summary>Gets the spikes: the checks with <see cref="SpikeStatus.Spike"/>, in the same order.</summary>
    public IReadOnlyList<SpikeCheck> Spikes { get; }

    /// <summary>Gets the survey metrics of every period, stage (the whole company first) and instrument that has responses.</summary>
    public IReadOnlyList<SurveyMetric> Surveys { get; }

    /// <summary>Gets the period-over-period changes of the survey metrics (consecutive periods, each with 2 or more responses).</summary>
    public IReadOnlyList<SurveyChange> Changes { get; }

    /// <summary>Gets the survey confirmation of each spike, in the order of <see cref="Spikes"/>.</summary>
    public IReadOnlyList<SpikeConfirmation> Confirmations { get; }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>listening, monthly 2023-01..2025-12 (36 periods): 48210 signals, 3 spikes</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"listening, {Grid}: {SignalCount} signals, {Spikes.Count} spike{(Spikes.Count == 1 ? string.Empty : "s")}");
}
