using NodaTime;

namespace Cx.Domain.Listening;

/// <summary>The settings of the listening path: the business time zone, the confidence level of survey intervals and
/// tests, the minimum responses a comparison needs, what counts toward spikes, and the spike detectors.</summary>
/// <remarks>An options type: settable, validated when a <see cref="ListeningCalculator"/> is created (CX0714, CX0715).</remarks>
public sealed class ListeningOptions
{
    /// <summary>Gets or sets the time zone in which an instant falls into a period of the grid; UTC by default.</summary>
    public DateTimeZone Zone { get; set; } = DateTimeZone.Utc;

    /// <summary>Gets or sets the confidence level of every survey interval, 0.80 to 0.999; 0.95 by default. One minus it is
    /// the significance level of the period-over-period tests and of the survey confirmation of spikes.</summary>
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>Gets or sets how many responses each of two periods needs before their survey metrics are compared (a
    /// change tested, a spike confirmed or contradicted), 2 to 1,000,000; 30 by default. Metrics with fewer responses are
    /// still reported, marked as thin.</summary>
    public int MinimumResponses { get; set; } = 30;

    /// <summary>Gets or sets a value indicating whether unaided feedback counts toward spikes as well as complaints;
    /// <see langword="false"/> by default (complaints only). Survey responses never count.</summary>
    public bool IncludeUnaidedInSpikes { get; set; }

    /// <summary>Gets or sets the spike detectors' settings.</summary>
    public SpikeDetectionOptions Spikes { get; set; } = new();
}
