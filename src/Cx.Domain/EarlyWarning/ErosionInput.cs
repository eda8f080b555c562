using System.Collections.Immutable;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Reliability;
using Cx.Domain.Validation;

namespace Cx.Domain.EarlyWarning;

/// <summary>Everything the revenue-erosion early warning joins: the customer asset (a ledger), the journey, the reliability
/// standards, the measurements of their processes and the customers' experience events.</summary>
/// <remarks>
/// <para>Create it with <see cref="Create"/>, which copies the sequences (so they are read once, in any order) and checks that
/// every standard's touchpoint is in the journey. The records themselves are validated by the calculations that read them,
/// which report every failure with its position.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ErosionInput
{
    private ErosionInput(AssetLedger ledger, JourneyFramework framework, ReliabilityStandardSet standards, ImmutableArray<ReliabilityMeasurement> measurements, ImmutableArray<ExperienceEvent> events)
    {
        Ledger = ledger;
        Framework = framework;
        Standards = standards;
        Measurements = measurements;
        Events = events;
    }

    /// <summary>Gets the ledger of customer value (revenue) per period.</summary>
    public AssetLedger Ledger { get; }

    /// <summary>Gets the journey framework.</summary>
    public JourneyFramework Framework { get; }

    /// <summary>Gets the reliability standards.</summary>
    public ReliabilityStandardSet Standards { get; }

    /// <summary>Gets the measurements of the standards' processes, in the order given.</summary>
    public IReadOnlyList<ReliabilityMeasurement> Measurements { get; }

    /// <summary>Gets the customers' experience events, in the order given.</summary>
    public IReadOnlyList<ExperienceEvent> Events { get; }

    /// <summary>Creates the input.</summary>
    /// <param name="ledger">The ledger of customer value per period (its grid is the analysis' grid).</param>
    /// <param name="framework">The journey framework.</param>
    /// <param name="standards">The reliability standards; every one's touchpoint must be in <paramref name="framework"/>.</param>
    /// <param name="measurements">The measurements, in any order; a measurement with a customer can expose that customer.</param>
    /// <param name="events">The experience events, in any order; may be empty.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CxValidationException">A standard's touchpoint is not in the framework (CX0503); every one is listed.</exception>
    public static ErosionInput Create(AssetLedger ledger, JourneyFramework framework, ReliabilityStandardSet standards, IEnumerable<ReliabilityMeasurement> measurements, IEnumerable<ExperienceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(events);
        CheckTouchpoints(framework, standards);
        return new ErosionInput(ledger, framework, standards, [.. measurements], [.. events]);
    }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>erosion input: 3000 customers, 6 standards, 120000 measurements, 45000 events</c>.</returns>
    public override string ToString() => $"erosion input: {Ledger.CustomerCount} customers, {Standards.Count} standards, {Measurements.Count} measurements, {Events.Count} events";

    internal static void CheckTouchpoints(JourneyFramework framework, ReliabilityStandardSet standards)
    {
        var failures = new FailureCollector();
        for (int i = 0; i < standards.Count; i++)
        {
            ReliabilityStandard standard = standards.Standards[i];
            if (framework.IndexOfTouchpoint(standard.TouchpointId) < 0)
            {
                failures.Add(i, null, nameof(ReliabilityStandard.TouchpointId), CxErrorCodes.StandardUnknownTouchpoint,
                    $"Expected standard '{standard.Id}' to govern a touchpoint of journey '{framework.Name}', got '{standard.TouchpointId}'. Add the touchpoint to the journey, or correct the standard.");
            }
        }

        failures.ThrowIfAny("reliability standards");
    }
}
