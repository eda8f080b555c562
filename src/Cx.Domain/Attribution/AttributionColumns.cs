using Cx.Domain.Assets;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;

namespace Cx.Domain.Attribution;

/// <summary>The input of an attribution in columns: customers and touchpoints as dense indexes, events as parallel arrays —
/// the fast path of <see cref="JourneyAttributionCalculator.Calculate(JourneyFramework, AttributionColumns, AttributionOptions?)"/>,
/// which never hashes an id.</summary>
/// <remarks>
/// <para>Event <c>i</c> is customer <c>Customers[EventCustomer[i]]</c> meeting touchpoint
/// <c>framework.Touchpoints[EventTouchpoint[i]]</c> at <see cref="NodaTime.Instant.FromUnixTimeTicks"/> of
/// <c>EventUnixTicks[i]</c> with outcome <c>EventOutcome[i]</c>. Movement <c>j</c> is <c>Movements[j]</c>, whose customer is
/// <c>Customers[MovementCustomer[j]]</c>. The result is exactly that of
/// <see cref="JourneyAttributionCalculator.Calculate(JourneyFramework, IEnumerable{CustomerMovement}, IEnumerable{ExperienceEvent}, AttributionOptions?, IEnumerable{CustomerId}?)"/>
/// on the same movements, the same events as objects and <see cref="Customers"/> as the known customers.</para>
/// <para>The columns are not copied: do not change them until the calculation returns. Rows may come in any order; rows
/// grouped by customer are the cheapest.</para>
/// </remarks>
public sealed class AttributionColumns
{
    /// <summary>Initializes the columns, checking that the event columns have one length.</summary>
    /// <param name="customers">The customers (the known customers), distinct; a customer's index is its position.</param>
    /// <param name="movements">The customer movements, as from <see cref="AssetMovementCalculator.CustomerMovements"/>.</param>
    /// <param name="movementCustomer">For each movement, the index of its customer in <paramref name="customers"/>.</param>
    /// <param name="eventCustomer">For each event, the index of its customer in <paramref name="customers"/>.</param>
    /// <param name="eventTouchpoint">For each event, the index of its touchpoint in the framework's touchpoints.</param>
    /// <param name="eventUnixTicks">For each event, its instant in ticks (100 ns) since the Unix epoch.</param>
    /// <param name="eventOutcome">For each event, its outcome.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customers"/> or <paramref name="movements"/> is null.</exception>
    /// <exception cref="ArgumentException">The event columns, or the movements and their customer column, differ in length.</exception>
    public AttributionColumns(
        IReadOnlyList<CustomerId> customers,
        IReadOnlyList<CustomerMovement> movements,
        ReadOnlyMemory<int> movementCustomer,
        ReadOnlyMemory<int> eventCustomer,
        ReadOnlyMemory<int> eventTouchpoint,
        ReadOnlyMemory<long> eventUnixTicks,
        ReadOnlyMemory<ExperienceOutcome> eventOutcome)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(movements);
        if (movementCustomer.Length != movements.Count)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected one customer index per movement ({movements.Count}), got {movementCustomer.Length}."), nameof(movementCustomer));
        }

        int n = eventCustomer.Length;
        if (eventTouchpoint.Length != n || eventUnixTicks.Length != n || eventOutcome.Length != n)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected event columns of one length, got customers {n}, touchpoints {eventTouchpoint.Length}, instants {eventUnixTicks.Length}, outcomes {eventOutcome.Length}."),
                nameof(eventTouchpoint));
        }

        Customers = customers;
        Movements = movements;
        MovementCustomer = movementCustomer;
        EventCustomer = eventCustomer;
        EventTouchpoint = eventTouchpoint;
        EventUnixTicks = eventUnixTicks;
        EventOutcome = eventOutcome;
    }

    /// <summary>Gets the customers; an index in <see cref="EventCustomer"/> or <see cref="MovementCustomer"/> points here.</summary>
    public IReadOnlyList<CustomerId> Customers { get; }

    /// <summary>Gets the customer movements.</summary>
    public IReadOnlyList<CustomerMovement> Movements { get; }

    /// <summary>Gets, for each movement, the index of its customer.</summary>
    public ReadOnlyMemory<int> MovementCustomer { get; }

    /// <summary>Gets, for each event, the index of its customer.</summary>
    public ReadOnlyMemory<int> EventCustomer { get; }

    /// <summary>Gets, for each event, the index of its touchpoint in the framework's touchpoints.</summary>
    public ReadOnlyMemory<int> EventTouchpoint { get; }

    /// <summary>Gets, for each event, its instant in ticks since the Unix epoch.</summary>
    public ReadOnlyMemory<long> EventUnixTicks { get; }

    /// <summary>Gets, for each event, its outcome.</summary>
    public ReadOnlyMemory<ExperienceOutcome> EventOutcome { get; }

    /// <summary>Gets the number of events.</summary>
    public int EventCount => EventCustomer.Length;
}
