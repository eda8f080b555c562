using Cx.Domain.Assets;
using Cx.Domain.Journey;
using Cx.Domain.Reliability;

namespace Cx.Domain.EarlyWarning;

/// <summary>The erosion input in columns: measurements and events as parallel arrays with dense indexes — the fast path of
/// <see cref="RevenueErosionCalculator.Analyze(ErosionColumns, EarlyWarningOptions?)"/>, which hashes no id and allocates
/// nothing per row.</summary>
/// <remarks>
/// <para>Measurement <c>i</c> is of <c>Standards.Standards[MeasurementStandard[i]]</c> at
/// <see cref="NodaTime.Instant.FromUnixTimeTicks"/> of <c>MeasurementUnixTicks[i]</c> with value <c>MeasurementValue[i]</c>,
/// for customer <c>Ledger.Customers[MeasurementCustomer[i]]</c>, or for no customer when the index is -1. Events likewise,
/// with touchpoint indexes into <c>Framework.Touchpoints</c>. The result equals that of the object path on the same data.</para>
/// <para>The columns are not copied: do not change them until the calculation returns.</para>
/// </remarks>
public sealed class ErosionColumns
{
    /// <summary>Initializes the columns, checking that each group of columns has one length.</summary>
    /// <param name="ledger">The ledger; customer indexes point into its <see cref="AssetLedger.Customers"/> (ordered by id).</param>
    /// <param name="framework">The journey framework; touchpoint indexes point into its touchpoints.</param>
    /// <param name="standards">The standards; standard indexes point into their list.</param>
    /// <param name="measurementStandard">Each measurement's standard index.</param>
    /// <param name="measurementCustomer">Each measurement's customer index, or -1 for none.</param>
    /// <param name="measurementUnixTicks">Each measurement's instant, in ticks since the Unix epoch.</param>
    /// <param name="measurementValue">Each measurement's value, finite.</param>
    /// <param name="eventTouchpoint">Each event's touchpoint index; empty for no events.</param>
    /// <param name="eventCustomer">Each event's customer index.</param>
    /// <param name="eventUnixTicks">Each event's instant, in ticks since the Unix epoch.</param>
    /// <param name="eventOutcome">Each event's outcome.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/>, <paramref name="framework"/> or <paramref name="standards"/> is null.</exception>
    /// <exception cref="ArgumentException">The measurement columns, or the event columns, differ in length.</exception>
    public ErosionColumns(
        AssetLedger ledger,
        JourneyFramework framework,
        ReliabilityStandardSet standards,
        ReadOnlyMemory<int> measurementStandard,
        ReadOnlyMemory<int> measurementCustomer,
        ReadOnlyMemory<long> measurementUnixTicks,
        ReadOnlyMemory<double> measurementValue,
        ReadOnlyMemory<int> eventTouchpoint = default,
        ReadOnlyMemory<int> eventCustomer = default,
        ReadOnlyMemory<long> eventUnixTicks = default,
        ReadOnlyMemory<ExperienceOutcome> eventOutcome = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(standards);
        int m = measurementStandard.Length;
        if (measurementCustomer.Length != m || measurementUnixTicks.Length != m || measurementValue.Length != m)
        {
            throw new ArgumentException(
                $"Expected measurement columns of one length, got standards {m}, customers {measurementCustomer.Length}, instants {measurementUnixTicks.Length}, values {measurementValue.Length}.",
                nameof(measurementCustomer));
        }

        int e = eventTouchpoint.Length;
        if (eventCustomer.Length != e || eventUnixTicks.Length != e || eventOutcome.Length != e)
        {
            throw new ArgumentException(
                $"Expected event columns of one length, got touchpoints {e}, customers {eventCustomer.Length}, instants {eventUnixTicks.Length}, outcomes {eventOutcome.Length}.",
                nameof(eventCustomer));
        }

        Ledger = ledger;
        Framework = framework;
        Standards = standards;
        MeasurementStandard = measurementStandard;
        MeasurementCustomer = measurementCustomer;
        MeasurementUnixTicks = measurementUnixTicks;
        MeasurementValue = measurementValue;
        EventTouchpoint = eventTouchpoint;
        EventCustomer = eventCustomer;
        EventUnixTicks = eventUnixTicks;
        EventOutcome = eventOutcome;
    }

    /// <summary>Gets the ledger.</summary>
    public AssetLedger Ledger { get; }

    /// <summary>Gets the journey framework.</summary>
    public JourneyFramework Framework { get; }

    /// <summary>Gets the standards.</summary>
    public ReliabilityStandardSet Standards { get; }

    /// <summary>Gets each measurement's standard index.</summary>
    public ReadOnlyMemory<int> MeasurementStandard { get; }

    /// <summary>Gets each measurement's customer index, -1 for none.</summary>
    public ReadOnlyMemory<int> MeasurementCustomer { get; }

    /// <summary>Gets each measurement's instant in ticks since the Unix epoch.</summary>
    public ReadOnlyMemory<long> MeasurementUnixTicks { get; }

    /// <summary>Gets each measurement's value.</summary>
    public ReadOnlyMemory<double> MeasurementValue { get; }

    /// <summary>Gets each event's touchpoint index.</summary>
    public ReadOnlyMemory<int> EventTouchpoint { get; }

    /// <summary>Gets each event's customer index.</summary>
    public ReadOnlyMemory<int> EventCustomer { get; }

    /// <summary>Gets each event's instant in ticks since the Unix epoch.</summary>
    public ReadOnlyMemory<long> EventUnixTicks { get; }

    /// <summary>Gets each event's outcome.</summary>
    public ReadOnlyMemory<ExperienceOutcome> EventOutcome { get; }

    /// <summary>Gets the number of measurements.</summary>
    public int MeasurementCount => MeasurementStandard.Length;

    /// <summary>Gets the number of events.</summary>
    public int EventCount => EventTouchpoint.Length;
}
