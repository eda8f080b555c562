using NodaTime;

namespace Cx.Domain.Value;

/// <summary>How a <see cref="CustomerValueAnalysis"/> runs: the model, the time unit, the calibration/holdout split, how
/// value is counted and who is at risk.</summary>
/// <remarks>Defaults: BG/NBD in weeks, calibration to two thirds of the data's date range
/// (<see cref="CustomerValueAnalysis.DefaultCalibrationEnd"/>), holdout to the last record, the defaults of
/// <see cref="CustomerValueOptions"/> and <see cref="AtRiskOptions"/>. Validated when used (CX0908, CX0910, CX0912).</remarks>
public sealed class CustomerValueAnalysisOptions
{
    /// <summary>Gets or sets the purchase model; BG/NBD by default.</summary>
    public PurchaseModelKind Model { get; set; } = PurchaseModelKind.BgNbd;

    /// <summary>Gets or sets the time unit of the summaries and the model; weeks by default.</summary>
    public ValueTimeUnit TimeUnit { get; set; } = ValueTimeUnit.Weeks;

    /// <summary>Gets or sets the last day of the calibration period (inclusive); null for two thirds of the way from the
    /// first record's date to the last one's (<see cref="CustomerValueAnalysis.DefaultCalibrationEnd"/>).</summary>
    public LocalDate? CalibrationEnd { get; set; }

    /// <summary>Gets or sets the last day of the holdout period (inclusive), after the calibration end; null for the last
    /// record's date; at most 36,525 days (100 years) after the calibration end. Values and the at-risk list are as of
    /// this day; later records are left out and counted.</summary>
    public LocalDate? HoldoutEnd { get; set; }

    /// <summary>Gets or sets how expected purchases become money (discount rate, horizon, margin).</summary>
    public CustomerValueOptions Value { get; set; } = new();

    /// <summary>Gets or sets who is at risk and how many the list names.</summary>
    public AtRiskOptions AtRisk { get; set; } = new();
}
