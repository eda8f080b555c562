using System.Globalization;

namespace Cx.Domain.EarlyWarning;

/// <summary>The parts of a priority's score, each in [0, 1], and the weights that combine them.</summary>
/// <remarks>
/// <para><c>Score = RevenueAtRiskWeight × RevenueAtRiskPart + SignalWeight × SignalPart + StageLossWeight × StageLossPart</c>
/// (+ <c>ComplaintWeight × ComplaintPart</c> when feedback is given), reproducible from the figures:</para>
/// <list type="bullet">
/// <item><description>revenue at risk part: the touchpoint's revenue at risk in the period, counted only when its evidence is
/// sufficient and positive, divided by the largest such figure among the touchpoints (0 when none has one);</description></item>
/// <item><description>signal part: the strongest reliability signal among the touchpoint's standards as of the period's end —
/// breached 1, watch 0.6, reliable 0.3 × min(1, burn rate of the current window), no data 0; 0 without a standard;</description></item>
/// <item><description>stage loss part: the value lost in the period attributed to the touchpoint's stage, divided by the
/// largest stage's;</description></item>
/// <item><description>complaint part, only when feedback is given (a listening report): the complaints above their baseline
/// in the period's spikes at the touchpoint's stage (observed − expected, summed over the stage's spiking topic series),
/// divided by the largest stage's; 0 for a stage without a spike, or when no stage has one. Without feedback it is null,
/// its weight 0, and the score the three parts' alone, exactly as before.</description></item>
/// </list>
/// </remarks>
public sealed class PriorityScore
{
    internal PriorityScore(
        double revenueAtRiskPart, double signalPart, double stageLossPart, double revenueAtRiskWeight, double signalWeight, double stageLossWeight,
        double? complaintPart = null, double complaintWeight = 0)
    {
        ComplaintPart = complaintPart;
        ComplaintWeight = complaintPart is null ? 0 : complaintWeight;
        RevenueAtRiskPart = revenueAtRiskPart;
        SignalPart = signalPart;
        StageLossPart = stageLossPart;
        RevenueAtRiskWeight = revenueAtRiskWeight;
        SignalWeight = signalWeight;
        StageLossWeight = stageLossWeight;
        Value = (revenueAtRiskWeight * revenueAtRiskPart) + (signalWeight * signalPart) + (stageLossWeight * stageLossPart);
        if (complaintPart is { } complaints)
        {
            Value += ComplaintWeight * complaints;
        }
    }

    /// <summary>Gets the score: the weighted sum of the parts.</summary>
    public double Value { get; }

    /// <summary>Gets the revenue at risk part, in [0, 1].</summary>
    public double RevenueAtRiskPart { get; }

    /// <summary>Gets the reliability signal part, in [0, 1].</summary>
    public double SignalPart { get; }

    /// <summary>Gets the stage loss part, in [0, 1].</summary>
    public double StageLossPart { get; }

    /// <summary>Gets the complaint part, in [0, 1], or null when no feedback was given.</summary>
    public double? ComplaintPart { get; }

    /// <summary>Gets the weight of the complaint part (0 when no feedback was given).</summary>
    public double ComplaintWeight { get; }

    /// <summary>Gets the weight of the revenue at risk part.</summary>
    public double RevenueAtRiskWeight { get; }

    /// <summary>Gets the weight of the signal part.</summary>
    public double SignalWeight { get; }

    /// <summary>Gets the weight of the stage loss part.</summary>
    public double StageLossWeight { get; }

    /// <summary>Returns the score and its parts, such as <c>0.812 = 0.5 × 1 + 0.25 × 0.6 + 0.25 × 0.65</c> (and
    /// <c> + 0.25 × 0.4</c> for the complaints when feedback was given).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Value:0.###} = {RevenueAtRiskWeight:0.###} × {RevenueAtRiskPart:0.###} + {SignalWeight:0.###} × {SignalPart:0.###} + {StageLossWeight:0.###} × {StageLossPart:0.###}{(ComplaintPart is { } c ? string.Create(CultureInfo.InvariantCulture, $" + {ComplaintWeight:0.###} × {c:0.###}") : string.Empty)}");
}
