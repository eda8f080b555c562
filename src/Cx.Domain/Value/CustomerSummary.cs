using Cx.Domain.Primitives;

namespace Cx.Domain.Value;

/// <summary>What the buy-till-you-die models know of one customer at the end of calibration: how often they bought again,
/// when they last bought, how long they have been a customer, and what a repeat purchase was worth.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Frequency">x: the number of repeat purchases in the calibration period (purchases after the first; same-day
/// purchases count once).</param>
/// <param name="Recency">t_x: the time from the first purchase to the last one, in the summary's time unit; 0 when x = 0.</param>
/// <param name="Age">T: the time from the first purchase to the end of calibration, in the summary's time unit (T ≥ t_x).</param>
/// <param name="MeanRepeatSpend">The mean value of the repeat purchases, in the currency's major units (dollars, not
/// cents); 0 when x = 0. Only the Gamma-Gamma spend model and the value calculators read it.</param>
/// <param name="HoldoutFrequency">The number of purchases in the holdout period after calibration (0 when there is none).</param>
/// <param name="Segment">The customer's segment (plan, region, channel) at the end of calibration, or null.</param>
/// <remarks>Validated by <see cref="Validation.CustomerSummaryValidator"/> wherever it is used: x ≥ 0, 0 ≤ t_x ≤ T, t_x = 0
/// when x = 0, finite times, spend ≥ 0. <c>default(CustomerSummary)</c> has an empty customer and is rejected.</remarks>
public readonly record struct CustomerSummary(
    CustomerId Customer, int Frequency, double Recency, double Age, double MeanRepeatSpend = 0, int HoldoutFrequency = 0, string? Segment = null);
