using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Validation;

namespace Cx.Domain.Reporting;

/// <summary>Builds the customer room of a period (<see cref="CustomerRoomReport"/>) from the revenue ledger, the journey,
/// the reliability standards and measurements, the experience events and, when given, the customers' feedback.</summary>
/// <remarks>Pure and thread-safe: it runs the asset engine, the early warning (which runs the reliability evaluator and the
/// journey-stage attribution) and the listening path, and arranges their results stage by stage. Nothing is computed twice
/// in another way, so the room's figures are the engines' figures.</remarks>
public sealed class CustomerRoomCalculator
{
    private readonly RevenueErosionCalculator _erosion;
    private readonly EarlyWarningOptions _earlyWarning;
    private readonly ListeningOptions? _listening;

    /// <summary>Initializes a calculator with the default options.</summary>
    public CustomerRoomCalculator()
        : this(null, null)
    {
    }

    /// <summary>Initializes a calculator.</summary>
    /// <param name="earlyWarning">The early-warning options (horizon, confidence, priorities, time zone, attribution,
    /// reliability); the defaults when null.</param>
    /// <param name="listening">The listening options; when null, the defaults in the early warning's time zone.</param>
    /// <exception cref="CxValidationException">Either options are invalid.</exception>
    public CustomerRoomCalculator(EarlyWarningOptions? earlyWarning, ListeningOptions? listening)
    {
        _earlyWarning = earlyWarning ?? new EarlyWarningOptions();
        _erosion = new RevenueErosionCalculator(_earlyWarning);
        _listening = listening;
        _ = new ListeningCalculator(ListeningOptionsFor(_earlyWarning, listening)); // validates the listening options now
    }

    /// <summary>Builds the customer room of a period, as of its last instant.</summary>
    /// <param name="input">The ledger, journey, standards, measurements and experience events.</param>
    /// <param name="period">A period of the ledger's grid.</param>
    /// <param name="feedback">The customers' feedback (complaints, unaided comments, survey answers), or null for a room
    /// without the listening path.</param>
    /// <param name="taxonomy">The topic taxonomy of the feedback, or null to count the topics the signals carry.</param>
    /// <returns>The room.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="period"/> is null.</exception>
    /// <exception cref="CxValidationException">The period is not in the ledger's grid (CX0808), or the records, events or
    /// feedback are invalid (each failure with its record and field).</exception>
    public CustomerRoomReport Build(ErosionInput input, GridPeriod period, IEnumerable<FeedbackSignal>? feedback = null, TopicTaxonomy? taxonomy = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        AssetMovementReport assets = new AssetMovementCalculator().Calculate(input.Ledger);
        ListeningReport? listening = feedback is null
            ? null
            : new ListeningCalculator(ListeningOptionsFor(_earlyWarning, _listening)).Calculate(input.Framework, input.Ledger.Grid, feedback, taxonomy, assets);
        ErosionReport earlyWarning = _erosion.Report(input, period, null, listening); // the complaint spikes join the priorities
        IReadOnlyList<CustomerRoomStage> stages = Stages(input.Framework, period, earlyWarning, listening);
        ReliabilityMeasurement[] known = [.. input.Measurements.Where(m => m.At <= earlyWarning.AsOf)];
        return new CustomerRoomReport(period, assets, earlyWarning, listening, stages, known);
    }

    private static ListeningOptions ListeningOptionsFor(EarlyWarningOptions earlyWarning, ListeningOptions? listening) =>
        listening ?? new ListeningOptions { Zone = earlyWarning.TimeZone };

    private static CustomerRoomStage[] Stages(JourneyFramework framework, GridPeriod period, ErosionReport report, ListeningReport? listening)
    {
        StageBridgePeriod? bridge = report.Attribution.Bridge.FirstOrDefault(b => b.Period.Index == period.Index);
        ListeningPeriod? heard = listening?.Periods.FirstOrDefault(p => p.Period.Index == period.Index);
        var evaluations = report.Reliability?.Standards.ToDictionary(e => e.Standard.Id, StringComparer.Ordinal);
        var warnings = report.Warnings.ToDictionary(w => w.Standard.Id, StringComparer.Ordinal);
        return
        [
            .. framework.Stages.OrderBy(s => s.Position).Select(stage =>
            {
                var standards = new List<CustomerRoomStandard>();
                foreach (ReliabilityStandard standard in report.Analysis.Standards.Standards)
                {
                    Touchpoint touchpoint = framework.GetTouchpoint(standard.TouchpointId);
                    if (touchpoint.StageId != stage.Id)
                    {
                        continue;
                    }

                    ErosionSubject subject = report.Analysis.ForStandard(standard.Id);
                    standards.Add(new CustomerRoomStandard(
                        standard,
                        touchpoint,
                        evaluations?.GetValueOrDefault(standard.Id),
                        warnings.GetValueOrDefault(standard.Id),
                        subject.Periods.First(p => p.Period.Index == period.Index),
                        subject.RevenueAtRisk(period),
                        subject.Budget(period)));
                }

                return new CustomerRoomStage(
                    stage,
                    bridge?.Stages.FirstOrDefault(c => c.Stage.Id == stage.Id),
                    heard?.Stages.FirstOrDefault(v => v.StageId == stage.Id),
                    listening is null ? [] : [.. listening.Spikes.Where(s => s.Period.Index == period.Index && s.StageId == stage.Id)],
                    listening is null ? [] : [.. listening.Surveys.Where(s => s.Period.Index == period.Index && s.StageId == stage.Id)],
                    standards);
            }),
        ];
    }
}
