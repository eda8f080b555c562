using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Value;

/// <summary>The whole customer-value workflow on dated purchase records, as <c>cx value</c> runs it: summaries with a
/// calibration/holdout split, the purchase model's fit, its check on the holdout, the Gamma-Gamma spend model, every
/// customer's expected residual value as of the end of the data, the customers at risk, and the findings a reader must
/// know before trusting the numbers.</summary>
/// <remarks>
/// <para><b>Steps.</b> (1) Summaries as of the calibration end (<see cref="CustomerSummarySet.FromRecords"/>; same-day
/// purchases merge). (2) The purchase model fitted on them. (3) If it converged and there is a holdout: the holdout
/// check (<see cref="HoldoutComparison"/>). (4) The Gamma-Gamma spend model fitted on the calibration period's repeat
/// buyers, when there are any and all of them spent something. (5) The customers re-summarised as of the holdout end
/// (the end of the data), so that the values and the at-risk list are about <i>now</i> and include the customers first
/// seen in the holdout, scored with the parameters checked on the holdout. (6) Their values
/// (<see cref="CustomerValueCalculator.Calculate"/>) and the customers at risk (<see cref="CustomerValueCalculator.FindAtRisk"/>).</para>
/// <para><b>Nothing from a failed fit.</b> When the purchase model's fit does not converge, its parameters are not
/// estimates: the holdout check, the values and the at-risk list are null, and a finding says why.</para>
/// <para><b>Findings</b> (<see cref="Findings"/>) name the assumptions the data break, in the order of
/// <see cref="ValueFindingKind"/>: purchases at regular intervals (<see cref="PurchaseRegularity"/>; clock-like purchases
/// are subscription or contract billing, for which a non-contractual model is the wrong tool); a fit that failed; a
/// holdout prediction off by more than <see cref="HoldoutToleranceFraction"/>; no holdout; no usable spend model; spend
/// correlated with frequency.</para>
/// <para>Deterministic: the same records in any order give the same result. Immutable.</para>
/// </remarks>
public sealed class CustomerValueAnalysis
{
    /// <summary>The relative gap between expected and actual holdout purchases from which the holdout check is reported as
    /// a mismatch: 0.2 (20%).</summary>
    public const double HoldoutToleranceFraction = 0.2;

    /// <summary>The absolute correlation of repeat purchases and mean repeat spend from which the spend model's
    /// independence assumption is reported as broken: 0.3.</summary>
    public const double SpendCorrelationLimit = 0.3;

    private CustomerValueAnalysis(Parts parts)
    {
        Model = parts.Model;
        FirstDate = parts.FirstDate;
        LastDate = parts.LastDate;
        Calibration = parts.Calibration;
        Scoring = parts.Scoring;
        Regularity = parts.Regularity;
        PurchaseFit = parts.PurchaseFit;
        Holdout = parts.Holdout;
        SpendFit = parts.SpendFit;
        SpendModel = parts.SpendModel;
        RepeatBuyerCount = parts.RepeatBuyerCount;
        SpendFrequencyCorrelation = parts.SpendFrequencyCorrelation;
        Values = parts.Values;
        AtRisk = parts.AtRisk;
        Findings = parts.Findings;
    }

    /// <summary>Gets the purchase model fitted.</summary>
    public PurchaseModelKind Model { get; }

    /// <summary>Gets the date of the earliest record.</summary>
    public LocalDate FirstDate { get; }

    /// <summary>Gets the date of the latest record.</summary>
    public LocalDate LastDate { get; }

    /// <summary>Gets the summaries as of the calibration end, with the holdout counts: what the models were fitted on.</summary>
    public CustomerSummarySet Calibration { get; }

    /// <summary>Gets the summaries as of <see cref="AsOf"/> (the holdout end): the customers the values and the at-risk
    /// list are about. The same set as <see cref="Calibration"/> when there is no holdout.</summary>
    public CustomerSummarySet Scoring { get; }

    /// <summary>Gets the day the values and the at-risk list are as of: the holdout end, or the calibration end without a
    /// holdout.</summary>
    public LocalDate AsOf => Scoring.CalibrationEnd ?? LastDate;

    /// <summary>Gets how regular the intervals between purchases were in the calibration period.</summary>
    public PurchaseRegularity Regularity { get; }

    /// <summary>Gets the purchase model's fit on the calibration period; check <see cref="ModelFit{TParameters}.IsConverged"/>.</summary>
    public ModelFit<PurchaseModel> PurchaseFit { get; }

    /// <summary>Gets expected against actual purchases in the holdout, or null when there is no holdout or the fit did not
    /// converge.</summary>
    public HoldoutComparison? Holdout { get; }

    /// <summary>Gets the Gamma-Gamma fit on the calibration period's repeat buyers, or null when it was not fitted (no repeat
    /// buyer, or a repeat buyer without spend).</summary>
    public ModelFit<GammaGammaParameters>? SpendFit { get; }

    /// <summary>Gets the spend model the values use: the fitted Gamma-Gamma parameters when the fit converged with q &gt; 1
    /// (a finite mean), otherwise null (each customer's observed mean spend).</summary>
    public GammaGammaParameters? SpendModel { get; }

    /// <summary>Gets how many customers bought again in the calibration period (the spend model's observations).</summary>
    public int RepeatBuyerCount { get; }

    /// <summary>Gets the Pearson correlation of repeat purchases x and mean repeat spend m̄ over the repeat buyers, or null
    /// with fewer than three repeat buyers or no variation.</summary>
    public double? SpendFrequencyCorrelation { get; }

    /// <summary>Gets every customer's expected residual value as of <see cref="AsOf"/>, or null when the fit did not converge.</summary>
    public CustomerValueReport? Values { get; }

    /// <summary>Gets the customers at risk as of <see cref="AsOf"/>, or null when the fit did not converge.</summary>
    public CustomersAtRisk? AtRisk { get; }

    /// <summary>Gets what a reader must know before trusting the numbers, in the order of <see cref="ValueFindingKind"/>;
    /// empty when nothing is amiss.</summary>
    public IReadOnlyList<ValueFinding> Findings { get; }

    /// <summary>The default calibration end: two thirds of the way from the first date to the last, rounded down to a
    /// day, so that a third of the data's time span is left for the holdout check.</summary>
    /// <param name="first">The first record's date.</param>
    /// <param name="last">The last record's date, not before <paramref name="first"/>.</param>
    /// <returns>first + ⌊2/3 × (last − first)⌋ days; for 1997-01-01 to 1998-06-30 (545 days), 1997-12-30.</returns>
    /// <exception cref="ArgumentException">The dates are not both in the ISO calendar (the calendar of every record).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="last"/> is before <paramref name="first"/>.</exception>
    public static LocalDate DefaultCalibrationEnd(LocalDate first, LocalDate last)
    {
        if (first.Calendar != CalendarSystem.Iso || last.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected dates in the ISO calendar, got {first.Calendar.Id} and {last.Calendar.Id}."), first.Calendar != CalendarSystem.Iso ? nameof(first) : nameof(last));
        }

        if (last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(last), last, $"Expected a last date on or after the first date {first:uuuu-MM-dd}, got {last:uuuu-MM-dd}.");
        }

        long days = Period.Between(first, last, PeriodUnits.Days).Days;
        return first.PlusDays((int)(days * 2 / 3));
    }

    /// <summary>Runs the workflow on dated purchase records.</summary>
    /// <param name="records">The records (one per purchase, invoice line or refund), in any order.</param>
    /// <param name="options">The model, time unit, split, value and at-risk options; defaults when null.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid (CX0908, CX0910, CX0912), a record is invalid, there
    /// are no records, or no customer bought by the calibration end (CX0907): every failure with its record position or
    /// subject and field.</exception>
    public static CustomerValueAnalysis Run(IEnumerable<AssetRecord> records, CustomerValueAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= new CustomerValueAnalysisOptions();
        ValidateOptions(options);
        AssetRecord[] all = records as AssetRecord[] ?? [.. records];
        if (all.Length == 0)
        {
            var failures = new FailureCollector();
            failures.Add(null, "purchase records", "Records", CxErrorCodes.ValueInputEmpty, "Expected purchase records, got none.");
            failures.ThrowIfAny("purchase records");
        }

        // The default split comes from the ISO-dated records only: a record in another calendar cannot be compared
        // with them, and the summaries below refuse it with its position (CX0105).
        LocalDate? firstIso = null;
        LocalDate? lastIso = null;
        foreach (AssetRecord record in all)
        {
            if (record.Date.Calendar != CalendarSystem.Iso)
            {
                continue;
            }

            firstIso = firstIso is null || record.Date < firstIso ? record.Date : firstIso;
            lastIso = lastIso is null || record.Date > lastIso ? record.Date : lastIso;
        }

        if (firstIso is not { } first || lastIso is not { } last)
        {
            // No record can be split: let the summaries report every record's failure.
            _ = CustomerSummarySet.FromRecords(all, new CustomerSummaryOptions { TimeUnit = options.TimeUnit });
            throw new InvalidOperationException("Unreachable: the summaries accepted records with no ISO date.");
        }

        LocalDate calibrationEnd = options.CalibrationEnd ?? DefaultCalibrationEnd(first, last);
        LocalDate? holdoutEnd = options.HoldoutEnd ?? (last > calibrationEnd ? last : null);
        CustomerSummarySet calibration = CustomerSummarySet.FromRecords(all, new CustomerSummaryOptions
        {
            TimeUnit = options.TimeUnit,
            CalibrationEnd = calibrationEnd,
            HoldoutEnd = holdoutEnd,
        });

        var parts = new Parts
        {
            Model = options.Model,
            FirstDate = first,
            LastDate = last,
            Calibration = calibration,
            Scoring = calibration,
            Regularity = PurchaseRegularity.Measure(all, calibrationEnd),
            PurchaseFit = Fit(options.Model, calibration),
        };

        FitSpend(calibration, ref parts);
        if (calibration.HoldoutEnd is { } end)
        {
            parts.Scoring = CustomerSummarySet.FromRecords(all, new CustomerSummaryOptions { TimeUnit = options.TimeUnit, CalibrationEnd = end });
        }

        if (parts.PurchaseFit.IsConverged)
        {
            PurchaseModel model = parts.PurchaseFit.Parameters;
            if (calibration.HoldoutEnd is not null)
            {
                parts.Holdout = HoldoutComparison.Compare(model, calibration);
            }

            var calculator = new CustomerValueCalculator();
            parts.Values = calculator.Calculate(model, parts.SpendModel, parts.Scoring, options.Value);
            parts.AtRisk = calculator.FindAtRisk(parts.Values, options.AtRisk);
        }

        parts.Findings = Assess(parts, calibration);
        return new CustomerValueAnalysis(parts);
    }

    /// <summary>Returns the model, the fit's status and the count at risk.</summary>
    /// <returns>For example <c>BG/NBD on 2357 customers: Converged, 812 customers at risk, 0 findings</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PurchaseFit.Parameters.Name} on {Calibration.CustomerCount} customers: {PurchaseFit.Diagnostics.Status}, {(AtRisk is null ? "no at-risk list" : $"{AtRisk.SelectedCount} customers at risk")}, {Findings.Count} findings");

    private static void ValidateOptions(CustomerValueAnalysisOptions options)
    {
        var failures = new FailureCollector();
        const string What = "customer value analysis options";
        if (options.Model is not (PurchaseModelKind.BgNbd or PurchaseModelKind.ParetoNbd))
        {
            failures.Add(null, What, "Model", CxErrorCodes.ValueAnalysisOptionsInvalid, $"Expected the model BgNbd or ParetoNbd, got {EnumText.Of(options.Model)}.");
        }

        if (options.Value is null)
        {
            failures.Add(null, What, "Value", CxErrorCodes.ValueAnalysisOptionsInvalid, "Expected customer value options, got null. Leave the default in place or set one.");
        }

        if (options.AtRisk is null)
        {
            failures.Add(null, What, "AtRisk", CxErrorCodes.ValueAnalysisOptionsInvalid, "Expected at-risk options, got null. Leave the default in place or set one.");
        }

        CustomerSummarySet.CheckIsoDates(options.CalibrationEnd, options.HoldoutEnd, What, CxErrorCodes.ValueAnalysisOptionsInvalid, failures);
        if (options.CalibrationEnd is { Calendar.Id: "ISO" } ce && options.HoldoutEnd is { Calendar.Id: "ISO" } he && he <= ce)
        {
            failures.Add(null, What, "HoldoutEnd", CxErrorCodes.SummaryOptionsInvalid,
                $"Expected a holdout end after the calibration end {ce:uuuu-MM-dd}, got {he:uuuu-MM-dd}.");
        }

        failures.ThrowIfAny(What);
    }

    private static ModelFit<PurchaseModel> Fit(PurchaseModelKind kind, CustomerSummarySet summaries)
    {
        if (kind == PurchaseModelKind.ParetoNbd)
        {
            ModelFit<ParetoNbdParameters> pareto = ParetoNbdModel.Fit(summaries);
            return new ModelFit<PurchaseModel>(pareto.Parameters, pareto.Estimates, pareto.LogLikelihood, pareto.ObservationCount, pareto.Diagnostics);
        }

        ModelFit<BgNbdParameters> bgnbd = BgNbdModel.Fit(summaries);
        return new ModelFit<PurchaseModel>(bgnbd.Parameters, bgnbd.Estimates, bgnbd.LogLikelihood, bgnbd.ObservationCount, bgnbd.Diagnostics);
    }

    private static void FitSpend(CustomerSummarySet calibration, ref Parts parts)
    {
        var buyers = new List<CustomerSummary>();
        int withoutSpend = 0;
        foreach (CustomerSummary s in calibration.Summaries)
        {
            if (s.Frequency > 0)
            {
                buyers.Add(s);
                withoutSpend += s.MeanRepeatSpend > 0 ? 0 : 1;
            }
        }

        parts.RepeatBuyerCount = buyers.Count;
        parts.SpendFrequencyCorrelation = Correlation(buyers);
        parts.RepeatBuyersWithoutSpend = withoutSpend;
        if (buyers.Count == 0 || withoutSpend > 0)
        {
            return;
        }

        parts.SpendFit = GammaGammaModel.Fit(calibration);
        if (parts.SpendFit.IsConverged && parts.SpendFit.Parameters.Q > 1)
        {
            parts.SpendModel = parts.SpendFit.Parameters;
        }
    }

    private static double? Correlation(List<CustomerSummary> buyers)
    {
        if (buyers.Count < 3)
        {
            return null;
        }

        double meanX = 0, meanM = 0;
        foreach (CustomerSummary s in buyers)
        {
            meanX += s.Frequency;
            meanM += s.MeanRepeatSpend;
        }

        meanX /= buyers.Count;
        meanM /= buyers.Count;
        double sxy = 0, sxx = 0, syy = 0;
        foreach (CustomerSummary s in buyers)
        {
            double dx = s.Frequency - meanX, dy = s.MeanRepeatSpend - meanM;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : null;
    }

    private static List<ValueFinding> Assess(Parts parts, CustomerSummarySet calibration)
    {
        var findings = new List<ValueFinding>();
        ModelFit<PurchaseModel> fit = parts.PurchaseFit;
        string name = fit.Parameters.Name;
        PurchaseRegularity regularity = parts.Regularity;
        if (regularity.IsRegular && regularity.Estimate is { } k)
        {
            string measured = Invariant($"Purchases come at regular intervals: over the last two intervals of {regularity.CustomerCount:N0} customers, the Wheat-Morrison regularity is k = {Number(k)} and {regularity.EvenIntervalShare * 100:F0}% of the customers have two nearly equal intervals, where {name} assumes purchases at random (k = 1, 5% nearly equal).");
            findings.Add(new ValueFinding(ValueFindingKind.RegularPurchases, regularity.IsClockLike
                ? measured + Invariant($" Intervals this even (typically {regularity.MedianIntervalDays:F0} days) are billing on a schedule, as in a subscription or a lease: contractual data. A buy-till-you-die model, made for customers who buy when they like and leave unannounced, does not fit them: a missed payment means a lapse, not a pause. Follow these customers with the asset bridge (churn as it happens) and model renewals with the shifted-beta-geometric model of contract cohorts.")
                : measured + " The model takes a customer who is late for their usual purchase to be less likely lost than regular buyers are (Platzer and Reutterer 2016): read P(alive) of long-silent customers as optimistic."));
        }

        if (!fit.IsConverged)
        {
            findings.Add(new ValueFinding(ValueFindingKind.PurchaseFitNotConverged, Invariant(
                $"The {name} fit did not converge ({Words(fit.Diagnostics.Status)}: {fit.Diagnostics.Message}). Its parameters are the best point the optimiser found, not estimates, so no holdout check, customer values or at-risk list are computed from them.")));
        }

        if (parts.Holdout is { } holdout)
        {
            HoldoutStep total = holdout.Total;
            double gap = (total.ExpectedCumulative - total.ActualCumulative) / Math.Max(1, total.ActualCumulative);
            if (Math.Abs(gap) > HoldoutToleranceFraction)
            {
                findings.Add(new ValueFinding(ValueFindingKind.HoldoutMismatch, Invariant(
                    $"In the holdout the model expected {total.ExpectedCumulative:F0} repeat purchases and the customers made {total.ActualCumulative}: {(gap > 0 ? "over" : "under")} by {Math.Abs(gap) * 100:F0}%, more than the {HoldoutToleranceFraction * 100:F0}% tolerated. Treat the values and P(alive) as rough; a longer calibration period, or a model that fits the buying pattern, may do better.")));
            }
        }
        else if (calibration.HoldoutEnd is null)
        {
            findings.Add(new ValueFinding(ValueFindingKind.NoHoldout,
                "There is no holdout period (the calibration period reaches the last record), so the model's predictions are not checked against what the customers did. End calibration before the last purchase to check them."));
        }

        if (parts.SpendModel is null)
        {
            string why = parts.RepeatBuyerCount == 0 ? "no customer bought again in the calibration period, so there is no repeat spend to fit"
                : parts.RepeatBuyersWithoutSpend > 0 ? Invariant($"{parts.RepeatBuyersWithoutSpend:N0} repeat buyers spent nothing on their repeat purchases, and the Gamma-Gamma model needs positive spend")
                : !parts.SpendFit!.IsConverged ? Invariant($"the Gamma-Gamma fit did not converge ({Words(parts.SpendFit.Diagnostics.Status)})")
                : Invariant($"the Gamma-Gamma fit gives q = {Number(parts.SpendFit.Parameters.Q)}, at most 1, for which expected spend is infinite");
            findings.Add(new ValueFinding(ValueFindingKind.SpendModelNotUsed, parts.Values is null
                ? $"No spend model: {why}."
                : $"No spend model is used: {why}. Values use each customer's observed mean repeat spend (the mean over repeat buyers for a customer without one)."));
        }

        if (parts.SpendModel is not null && parts.SpendFrequencyCorrelation is { } rho && Math.Abs(rho) >= SpendCorrelationLimit)
        {
            findings.Add(new ValueFinding(ValueFindingKind.SpendDependsOnFrequency, Invariant(
                $"Spend per purchase and the number of purchases are correlated (rho = {rho:F2} over {parts.RepeatBuyerCount:N0} repeat buyers), where the Gamma-Gamma model assumes them independent: expected spend is {(rho > 0 ? "understated for frequent buyers" : "overstated for frequent buyers")}.")));
        }

        return findings;
    }

    private static string Words(FitStatus status) => status switch
    {
        FitStatus.NotConverged => "not converged",
        FitStatus.HessianNotPositiveDefinite => "no proper maximum",
        FitStatus.ParameterAtBoundary => "a parameter at its boundary",
        _ => status.ToString(),
    };

    private static string Number(double value) => double.IsPositiveInfinity(value) ? "infinite" : value.ToString("G3", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The parts of the result as they are computed.</summary>
    private struct Parts
    {
        public PurchaseModelKind Model;
        public LocalDate FirstDate;
        public LocalDate LastDate;
        public CustomerSummarySet Calibration;
        public CustomerSummarySet Scoring;
        public PurchaseRegularity Regularity;
        public ModelFit<PurchaseModel> PurchaseFit;
        public HoldoutComparison? Holdout;
        public ModelFit<GammaGammaParameters>? SpendFit;
        public GammaGammaParameters? SpendModel;
        public int RepeatBuyerCount;
        public int RepeatBuyersWithoutSpend;
        public double? SpendFrequencyCorrelation;
        public CustomerValueReport? Values;
        public CustomersAtRisk? AtRisk;
        public List<ValueFinding> Findings;
    }
}
