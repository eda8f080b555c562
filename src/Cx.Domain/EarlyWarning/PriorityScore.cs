using System.Globalization;

namespace Cx.Domain.EarlyWarning;

/// <summary>The parts of a priority's score, each in [0, 1], and the weights that combine them.</summary>
/// <remarks>
/// <para><c>Score = RevenueAtRiskWeight × RevenueAtRiskPart + SignalWeight × SignalPart + StageLossWeight × StageLossPart</c>,
/// reproducible from the figures:</para>
/// <list type="bullet">
/// <item><description>revenue at risk part: the touchpoint's revenue at risk in the period, counted only when its evidence is
/// sufficient and positive, divided by the largest such figure among the touchpoints (0 when none has one);</description></item>
/// <item><description>signal part: the strongest reliability signal among the touchpoint's standards as of the period's end —
/// breached 1, watch 0.6, reliable 0.3 × min(1, burn rate of the current window), no data 0; 0 without a standard;</description></item>
/// <item><description>stage loss part: the value lost in the period attributed to the touchpoint's stage, divided by the
/// largest stage's.</description></item>
/// </list>
/// </remarks>
public sealed class PriorityScore
{
    internal PriorityScore(double revenueAtRiskPart, double signalPart, double stageLossPart, double revenueAtRiskWeight, double signalWeight, double stageLossWeight)
    {
        RevenueAtRiskPart = revenueAtRiskPart;
        SignalPart = signalPart;
        StageLossPart = stageLossPart;
        RevenueAtRiskWeight = revenueAtRiskWeight;
        SignalWeight = signalWeight;
        StageLossWeight = stageLossWeight;
        Value = (revenueAtRiskWeight * revenueAtRiskPart) + (signalWeight * signalPart) + (stageLossWeight * stageLossPart);
    }

    /// <summary>Gets the score: the weighted sum of the parts.</summary>
    public double Value { get; }

    /// <summary>Gets the revenue at risk part, in [0, 1].</summary>
    public double RevenueAtRiskPart { get; }

    /// <summary>Gets the reliability signal part, in [0, 1].</summary>
    public double SignalPart { get; }

    /// <summary>Gets the stage loss part, in [0, 1].</summary>
    public double StageLossPart { get; }

    /// <summary>Gets the weight of the revenue at risk part.</summary>
    public double RevenueAtRiskWeight { get; }

    /// <summary>Gets the weight of the signal part.</summary>
    public double SignalWeight { get; }

    /// <summary>Gets the weight of the stage loss part.</summary>
    public double StageLossWeight { get; }

    /// <summary>Returns the score and its parts, such as <c>0.812 = 0.5 × 1 + 0.25 × 0.6 + 0.25 × 0.65</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Value:0.###} = {RevenueAtRiskWeight:0.###} × {RevenueAtRiskPart:0.###} + {SignalWeight:0.###} × {SignalPart:0.###} + {StageLossWeight:0.###} × {StageLossPart:0.###}");
}
