using System.Globalization;
using Cx.Domain.Primitives;

namespace Cx.Domain.Listening;

/// <summary>The change of a survey metric of a stage (or the whole company) from one period to the next, with its standard
/// error and the test of whether it is more than sampling noise.</summary>
/// <remarks>
/// <para>Immutable. <see cref="Change"/> is the current estimate minus the previous one, in the metric's units (NPS points,
/// CSAT percentage points, CES scale points); negative is worse for all three. The test is two-sided:
/// <see cref="SurveyTest.AdjustedWaldZ"/> for NPS (on the adjusted scores), <see cref="SurveyTest.TwoProportionZ"/> for
/// CSAT (pooled), <see cref="SurveyTest.WelchT"/> for CES. The change is significant when both periods have
/// <see cref="ListeningOptions.MinimumResponses"/> and the p-value is below 1 - the confidence level.</para>
/// </remarks>
public sealed class SurveyChange
{
    internal SurveyChange(SurveyMetric previous, SurveyMetric current, double standardError, SurveyTest test, double statistic, double? degreesOfFreedom,
        double pValue, double significanceLevel)
    {
        Instrument = current.Instrument;
        StageId = current.StageId;
        StageName = current.StageName;
        PreviousPeriod = previous.Period;
        Period = current.Period;
        PreviousEstimate = previous.Estimate;
        Estimate = current.Estimate;
        PreviousResponseCount = previous.ResponseCount;
        ResponseCount = current.ResponseCount;
        Change = current.Estimate - previous.Estimate;
        StandardError = standardError;
        Test = test;
        Statistic = statistic;
        DegreesOfFreedom = degreesOfFreedom;
        PValue = pValue;
        SignificanceLevel = significanceLevel;
        HasEnoughResponses = previous.HasEnoughResponses && current.HasEnoughResponses;
    }

    /// <summary>Gets the instrument.</summary>
    public SurveyInstrument Instrument { get; }

    /// <summary>Gets the stage id, or null for the whole company.</summary>
    public string? StageId { get; }

    /// <summary>Gets the stage's display name, or <c>All stages</c>.</summary>
    public string StageName { get; }

    /// <summary>Gets the earlier period.</summary>
    public GridPeriod PreviousPeriod { get; }

    /// <summary>Gets the later period.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the estimate of the earlier period.</summary>
    public double PreviousEstimate { get; }

    /// <summary>Gets the estimate of the later period.</summary>
    public double Estimate { get; }

    /// <summary>Gets the responses of the earlier period.</summary>
    public long PreviousResponseCount { get; }

    /// <summary>Gets the responses of the later period.</summary>
    public long ResponseCount { get; }

    /// <summary>Gets <see cref="Estimate"/> - <see cref="PreviousEstimate"/>; negative is worse.</summary>
    public double Change { get; }

    /// <summary>Gets the standard error of the change (unpooled), in the metric's units.</summary>
    public double StandardError { get; }

    /// <summary>Gets the test used.</summary>
    public SurveyTest Test { get; }

    /// <summary>Gets the test statistic (z or t); its sign is the direction of the change.</summary>
    public double Statistic { get; }

    /// <summary>Gets the degrees of freedom of a t test, or null for a z test.</summary>
    public double? DegreesOfFreedom { get; }

    /// <summary>Gets the two-sided p-value.</summary>
    public double PValue { get; }

    /// <summary>Gets the significance level, 1 - the confidence level.</summary>
    public double SignificanceLevel { get; }

    /// <summary>Gets a value indicating whether both periods have the minimum number of responses.</summary>
    public bool HasEnoughResponses { get; }

    /// <summary>Gets a value indicating whether the change is significant: enough responses and a p-value below the level.</summary>
    public bool IsSignificant => HasEnoughResponses && PValue < SignificanceLevel;

    /// <summary>Returns a short form such as <c>Purchase CSAT 2025-04 -> 2025-05: -14.2 (SE 4.1, p=0.0006)</c>.</summary>
    /// <returns>The stage, instrument, periods, change, standard error and p-value.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{StageName} {Instrument.ToString().ToUpperInvariant()} {PreviousPeriod.Label} -> {Period.Label}: {Change:+0.0;-0.0;0.0} (SE {StandardError:0.0}, p={PValue:G3})");
}
