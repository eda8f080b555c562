using System.Globalization;
using Cx.Domain.Primitives;

namespace Cx.Domain.EarlyWarning;

/// <summary>The exposure of one subject (a standard or a touchpoint) in one period: its events, the failing ones, and the
/// customers who met a failing event with their value at the start of the period.</summary>
/// <remarks>
/// <para>Values are in the ledger's unit (minor units for money), exact. A customer is active in the period when it had value
/// in the period before; that value is its value at the start of the period (the period's opening in the asset bridge).
/// Exposed and unexposed active customers add up to the active ones, count and value (<see cref="UnexposedActiveCustomerCount"/>,
/// <see cref="UnexposedValue"/>).</para>
/// <para>A failing event counts for exposure only when it names a customer of the ledger: <see cref="FailingEventCount"/> =
/// with a customer of the ledger + <see cref="FailingEventsWithUnknownCustomerCount"/> + without a customer.</para>
/// <para>For a touchpoint, the events counted are its experience events; its exposed customers are those who met an
/// unreliable experience there or a failing measurement of one of its standards (so they can outnumber its own failing
/// events).</para>
/// </remarks>
public sealed class PeriodExposure
{
    internal PeriodExposure(GridPeriod period, long events, long failing, long failingWithCustomer, long failingWithUnknownCustomer, long exposed, long exposedActive, long exposedValue, long active, long activeValue)
    {
        Period = period;
        EventCount = events;
        FailingEventCount = failing;
        FailingEventsWithCustomerCount = failingWithCustomer;
        FailingEventsWithUnknownCustomerCount = failingWithUnknownCustomer;
        ExposedCustomerCount = exposed;
        ExposedActiveCustomerCount = exposedActive;
        ExposedValue = exposedValue;
        ActiveCustomerCount = active;
        ActiveValue = activeValue;
    }

    /// <summary>Gets the period.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the number of events in the period: measurements of a standard, or experience events at a touchpoint.</summary>
    public long EventCount { get; }

    /// <summary>Gets the number of failing events: measurements missing the standard's threshold, or unreliable experiences.</summary>
    public long FailingEventCount { get; }

    /// <summary>Gets the number of failing events that name a customer of the ledger.</summary>
    public long FailingEventsWithCustomerCount { get; }

    /// <summary>Gets the number of failing events naming a customer the ledger does not have (a prospect without value).</summary>
    public long FailingEventsWithUnknownCustomerCount { get; }

    /// <summary>Gets the number of distinct customers of the ledger who met at least one failing event in the period.</summary>
    public long ExposedCustomerCount { get; }

    /// <summary>Gets how many of the exposed customers were active (had value at the start of the period).</summary>
    public long ExposedActiveCustomerCount { get; }

    /// <summary>Gets the exposed customers' value at the start of the period, in the ledger's unit.</summary>
    public long ExposedValue { get; }

    /// <summary>Gets the number of customers active in the period (the bridge's opening customers).</summary>
    public long ActiveCustomerCount { get; }

    /// <summary>Gets the active customers' value at the start of the period (the bridge's opening value).</summary>
    public long ActiveValue { get; }

    /// <summary>Gets the active customers who met no failing event: <c>ActiveCustomerCount - ExposedActiveCustomerCount</c>.</summary>
    public long UnexposedActiveCustomerCount => ActiveCustomerCount - ExposedActiveCustomerCount;

    /// <summary>Gets the unexposed active customers' value at the start of the period: <c>ActiveValue - ExposedValue</c>.</summary>
    public long UnexposedValue => ActiveValue - ExposedValue;

    /// <summary>Gets the share of events that failed, or null without events.</summary>
    public double? FailingShare => EventCount == 0 ? null : (double)FailingEventCount / EventCount;

    /// <summary>Returns a short description such as <c>2025-12: 158 of 412 failing, 130 customers exposed (value 1200000)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Period}: {FailingEventCount} of {EventCount} failing, {ExposedCustomerCount} customers exposed (value {ExposedValue})");
}
