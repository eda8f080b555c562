using System.Globalization;
using Cx.Domain.Primitives;

namespace Cx.Domain.Listening;

/// <summary>A survey metric of one stage (or the whole company) in one period, with its number of responses, standard
/// error and confidence interval: <see cref="NpsMetric"/>, <see cref="CsatMetric"/> or <see cref="CesMetric"/>.</summary>
/// <remarks>Immutable. Units: NPS in points (-100 to 100), CSAT in percent (0 to 100), CES on its 1–7 scale. The interval
/// always lies within those bounds.</remarks>
public abstract class SurveyMetric
{
    private protected SurveyMetric(GridPeriod period, string? stageId, string stageName, long responseCount, double estimate, double standardError,
        double lower, double upper, double confidenceLevel, bool hasEnoughResponses)
    {
        Period = period;
        StageId = stageId;
        StageName = stageName;
        ResponseCount = responseCount;
        Estimate = estimate;
        StandardError = standardError;
        Lower = lower;
        Upper = upper;
        ConfidenceLevel = confidenceLevel;
        HasEnoughResponses = hasEnoughResponses;
    }

    /// <summary>Gets the instrument.</summary>
    public abstract SurveyInstrument Instrument { get; }

    /// <summary>Gets the period.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the stage id, or null for the whole company (every response, with or without a stage).</summary>
    public string? StageId { get; }

    /// <summary>Gets the stage's display name, or <c>All stages</c>.</summary>
    public string StageName { get; }

    /// <summary>Gets n, the number of responses.</summary>
    public long ResponseCount { get; }

    /// <summary>Gets the point estimate: NPS in points, CSAT top-two-box share in percent, CES mean.</summary>
    public double Estimate { get; }

    /// <summary>Gets the standard error of the estimate, in its units.</summary>
    public double StandardError { get; }

    /// <summary>Gets the lower end of the confidence interval.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper end of the confidence interval.</summary>
    public double Upper { get; }

    /// <summary>Gets the confidence level of the interval, such as 0.95.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets a value indicating whether n reaches <see cref="ListeningOptions.MinimumResponses"/>; thinner metrics are
    /// reported but not compared.</summary>
    public bool HasEnoughResponses { get; }

    /// <summary>Returns a short form such as <c>2025-04 Purchase NPS 32.0 [21.5, 42.1] (n=140)</c>.</summary>
    /// <returns>The period, stage, instrument, estimate, interval and n.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Period.Label} {StageName} {Instrument.ToString().ToUpperInvariant()} {Estimate:0.0} [{Lower:0.0}, {Upper:0.0}] (n={ResponseCount})");
}
