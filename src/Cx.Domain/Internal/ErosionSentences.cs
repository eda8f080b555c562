using System.Globalization;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Reliability;

namespace Cx.Domain.Internal;

/// <summary>The sentences of the early-warning list and the priorities: what failed, what it did to customers, what it puts at
/// risk, who owns it — every figure with its interval, or the reason there is none.</summary>
internal static class ErosionSentences
{
    public static string Priority(Priority p)
    {
        var parts = new List<string>(5);
        string period = p.Period.Label;
        if (p.SignalEvaluation?.Standard is { } standard && p.StandardExposure is { } measured)
        {
            parts.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{measured.FailingEventCount:#,##0} of {measured.EventCount:#,##0} events in {period} missed \"{standard.Name}\" (objective {ErosionText.Level(standard.Objective)}; {Status(p.SignalEvaluation.Status)})"));
        }
        else
        {
            PeriodExposure experiences = p.Subject.Periods[p.Period.Index];
            parts.Add(experiences.EventCount > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{experiences.FailingEventCount:#,##0} of {experiences.EventCount:#,##0} experiences in {period} were unreliable (no reliability standard)")
                : $"no experiences recorded in {period} (no reliability standard)");
        }

        parts.Add(Effect(p.RevenueAtRisk.Impact));
        if (p.RevenueAtRisk.IsActionable && p.RevenueAtRisk.Estimate > 0)
        {
            parts.Add("revenue at risk " + ErosionText.RevenueAtRisk(p.RevenueAtRisk));
        }

        parts.Add($"{ErosionText.Amount(p.StageLostValue, p.RevenueAtRisk.Unit)} of losses attributed to the {p.Stage.Name.ToLowerInvariant()} stage");
        if (p.ComplaintSpikes.Count > 0)
        {
            parts.Add(Spikes(p));
        }

        parts.Add("owner " + p.Owner);
        return p.Touchpoint.Name + ": " + string.Join("; ", parts) + ".";
    }

    /// <summary>The complaint spikes at a priority's stage: <c>complaints spiking at the service stage (Repairs: 23 against 9.1
    /// expected)</c>, the largest excess first.</summary>
    public static string Spikes(Priority p)
    {
        IEnumerable<string> each = p.ComplaintSpikes
            .OrderByDescending(c => c.Observed - c.Expected).ThenBy(c => c.TopicId ?? string.Empty, StringComparer.Ordinal)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.TopicName}: {c.Observed:#,##0} against {c.Expected:0.#} expected"));
        return $"complaints spiking at the {p.Stage.Name.ToLowerInvariant()} stage ({string.Join("; ", each)})";
    }

    public static string Warning(StandardWarning w)
    {
        WindowEvaluation? window = w.Evaluation.CurrentWindow;
        string figures = window is null
            ? "no current window"
            : string.Create(CultureInfo.InvariantCulture, $"{window.BadEventCount:#,##0} of {window.EventCount:#,##0} events failed in {window.Label} (objective {ErosionText.Level(w.Standard.Objective)})");
        string customers = ErosionText.Count(w.ExposedSoFarCustomerCount, "customer", "customers");
        string since = "since " + ReliabilityEngine.Time(w.ExposedSince);
        string exposure = w.ExposedSoFarCustomerCount == 0
            ? $"no customer met a failure {since}"
            : w.ExposedValueSoFar == 0
                ? $"{customers} met a failure {since}, none holding value at the start of the period"
                : $"{customers} holding {ErosionText.Amount(w.ExposedValueSoFar, w.RevenueAtRisk.Unit)} met a failure {since}";
        if (w.ExpectedFurtherExposedValue > 0)
        {
            exposure += $", {ErosionText.Amount(w.ExpectedFurtherExposedValue, w.RevenueAtRisk.Unit)} more expected by the window's end";
        }

        return $"{Status(w.Status)}: {w.Standard.Name} ({w.Touchpoint.Name}, {w.Stage.Name.ToLowerInvariant()} stage; owner {w.Owner}): {figures}; {Evidence(w)}; {exposure}; revenue at risk {ErosionText.RevenueAtRisk(w.RevenueAtRisk)}.";
    }

    /// <summary>The evidence of a warning: its open episode (start, peak severity, detectors), or that the breach has none.</summary>
    public static string Evidence(StandardWarning w)
    {
        if (w.Episode is not { } e)
        {
            return "no warning episode open (the breach of the window is the signal)";
        }

        string opened = (e.OpenedBeforeFirstJudgedInstant ? "at or before " : string.Empty) + ReliabilityEngine.Time(e.OpenedAt);
        string severity = e.PeakSeverity == AlertSeverity.Page ? "page" : e.PeakSeverity == AlertSeverity.Ticket ? "ticket" : "no severity";
        return $"warning episode open since {opened}, peak {severity}, detectors {string.Join(", ", e.Detectors)}";
    }

    /// <summary>What exposure did to customers: the churn ratio when its evidence suffices, else churn or contraction, else why not.</summary>
    public static string Effect(ImpactEstimate impact)
    {
        if (impact.Churn is { Evidence: EvidenceVerdict.Sufficient, StratifiedRiskRatio: { } churn } && churn.Estimate > 1)
        {
            return "exposed customers churned " + ErosionText.Ratio(churn);
        }

        if (impact.ChurnOrContraction is { Evidence: EvidenceVerdict.Sufficient, StratifiedRiskRatio: { } either } && either.Estimate > 1)
        {
            return "exposed customers churned or contracted " + ErosionText.Ratio(either);
        }

        RiskComparison c = impact.ChurnOrContraction;
        return "no measurable effect on churn or contraction yet (" + ErosionText.Reason(c.Evidence == EvidenceVerdict.Sufficient ? EvidenceVerdict.IncludesNoEffect : c.Evidence, c.ExposedCount, MinimumOf(impact)) + ")";
    }

    public static string Status(StandardStatus status) => status switch
    {
        StandardStatus.Breached => "breached",
        StandardStatus.Watch => "watch",
        StandardStatus.Reliable => "reliable",
        StandardStatus.NoData => "no data",
        _ => "unknown",
    };

    private static int MinimumOf(ImpactEstimate impact) => impact.MinimumExposedCount;
}
