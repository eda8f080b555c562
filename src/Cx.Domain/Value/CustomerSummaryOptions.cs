using NodaTime;

namespace Cx.Domain.Value;

/// <summary>How dated purchase records become customer summaries: the time unit and the calibration/holdout split.</summary>
/// <remarks>Validated when used (CX0908).</remarks>
public sealed class CustomerSummaryOptions
{
    /// <summary>Gets or sets the time unit of recency and age; weeks by default.</summary>
    public ValueTimeUnit TimeUnit { get; set; } = ValueTimeUnit.Weeks;

    /// <summary>Gets or sets the last day of the calibration period (inclusive); null for the last purchase date in the data
    /// (no holdout). The age T of a customer is measured from their first purchase to this day.</summary>
    public LocalDate? CalibrationEnd { get; set; }

    /// <summary>Gets or sets the last day of the holdout period (inclusive), after <see cref="CalibrationEnd"/>; null for
    /// the last purchase date in the data; at most 36,525 days (100 years) after the calibration end (CX0908 beyond).
    /// Records after it are left out and counted.</summary>
    public LocalDate? HoldoutEnd { get; set; }
}
