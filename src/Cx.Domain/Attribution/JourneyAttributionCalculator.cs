using System.Collections.Frozen;
using System.Collections.Immutable;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;

namespace Cx.Domain.Attribution;

/// <summary>Journey-stage attribution: credits every customer movement (gains and losses alike) to the touchpoints its
/// customer met in a lookback window before the end of the movement's period, and rolls the credits up to stages, categories
/// and a stage-attributed bridge.</summary>
/// <remarks>
/// <para>Pure and stateless (a singleton). The analysed periods are the distinct periods of the movements given; for each
/// period and direction, a customer with touches in the window and no movement of that direction is a null path (used by the
/// data-driven models). Each movement's value — the increase of a gain, the decrease of a loss — is split over the distinct
/// touchpoints on its own path in proportion to the model's weights with the largest-remainder method (ties to the earlier
/// touchpoint in journey order), so the parts add up to the movement exactly and a touchpoint the customer never met gets
/// nothing. Movements with no touch go to <see cref="AttributionResult.Unattributed"/>.</para>
/// <para>Touches of a customer are ordered by instant, then journey order of the touchpoint, so results do not depend on
/// the order of the input. Events outside every window are counted (<see cref="AttributionResult.EventsOutsideEveryWindowCount"/>),
/// never an error; events with an unknown touchpoint, an empty customer, an undefined outcome, or (when the customers are known)
/// an unknown customer are errors, all reported together.</para>
/// </remarks>
public sealed class JourneyAttributionCalculator
{
    private readonly FrozenDictionary<AttributionModel, IAttributionModel> _models;

    /// <summary>Initializes a calculator with the built-in models.</summary>
    public JourneyAttributionCalculator()
        : this(BuiltInModels)
    {
    }

    /// <summary>Initializes a calculator with a set of models; the first model of each kind wins.</summary>
    /// <param name="models">The models, such as the ones registered with dependency injection.</param>
    /// <exception cref="ArgumentNullException"><paramref name="models"/> or one of them is null.</exception>
    public JourneyAttributionCalculator(IEnumerable<IAttributionModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var byKind = new Dictionary<AttributionModel, IAttributionModel>();
        foreach (IAttributionModel model in models)
        {
            ArgumentNullException.ThrowIfNull(model, nameof(models));
            byKind.TryAdd(model.Kind, model);
        }

        _models = byKind.ToFrozenDictionary();
    }

    /// <summary>Gets the built-in models, one of each kind.</summary>
    public static IReadOnlyList<IAttributionModel> BuiltInModels { get; } = ImmutableArray.Create<IAttributionModel>(
        new FirstTouchModel(), new LastTouchModel(), new LinearModel(), new TimeDecayModel(), new PositionBasedModel(), new MarkovChainModel(), new ShapleyModel());

    /// <summary>Attributes the movements of a ledger (every customer movement of every grid period, flat ones included).</summary>
    /// <remarks>Exactly the list overload on <c>new AssetMovementCalculator().CustomerMovements(ledger, includeFlat: true)</c>
    /// with the ledger's customers as the known customers: flat movements are never attributed but are counted in
    /// <see cref="AttributionResult.ExcludedMovementCount"/>, and a period whose only movements are flat is still analysed (its
    /// customers' touches are null paths for the data-driven models).</remarks>
    /// <param name="framework">The journey framework.</param>
    /// <param name="ledger">The ledger; its customers are the known customers, so an event for another customer is an error.</param>
    /// <param name="events">The experience events, in any order.</param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <returns>The attribution.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="CxValidationException">The options or some events are invalid; every failure is reported with its code.</exception>
    public AttributionResult Calculate(JourneyFramework framework, AssetLedger ledger, IEnumerable<ExperienceEvent> events, AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return Calculate(framework, new AssetMovementCalculator().CustomerMovements(ledger, includeFlat: true), events, options, ledger.Customers);
    }

    /// <summary>Attributes a list of customer movements.</summary>
    /// <param name="framework">The journey framework.</param>
    /// <param name="movements">The movements, as from <see cref="AssetMovementCalculator.CustomerMovements"/>; at most one per customer and period.</param>
    /// <param name="events">The experience events, in any order.</param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <param name="knownCustomers">The customers events may name, or null to accept any (customers without movements then form null paths).</param>
    /// <returns>The attribution.</returns>
    /// <exception cref="ArgumentNullException">A required argument, or a movement, is null.</exception>
    /// <exception cref="CxValidationException">The options, some events or the movements are invalid (CX0101, CX0302, CX0411,
    /// CX0412, CX0601 to CX0607); every failure is reported with the event's position and its code.</exception>
    /// <exception cref="InvalidOperationException">No model of the kind chosen is registered, or a custom model gave an invalid weight.</exception>
    public AttributionResult Calculate(
        JourneyFramework framework,
        IEnumerable<CustomerMovement> movements,
        IEnumerable<ExperienceEvent> events,
        AttributionOptions? options = null,
        IEnumerable<CustomerId>? knownCustomers = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(events);
        return Calculate(framework, options, columnar: false, index => index.ReadObjects(movements, events, knownCustomers, periods: null));
    }

    /// <summary>Attributes movements to events given in columns (customers and touchpoints as dense indexes): the fast path,
    /// with the same result as the object overload on the same data.</summary>
    /// <param name="framework">The journey framework; <see cref="AttributionColumns.EventTouchpoint"/> indexes its touchpoints.</param>
    /// <param name="columns">The customers, movements and events.</param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <returns>The attribution.</returns>
    /// <exception cref="ArgumentNullException">A required argument, or a movement, is null.</exception>
    /// <exception cref="ArgumentException">Two customers share an id, or a movement's customer index does not name its customer.</exception>
    /// <exception cref="CxValidationException">The options, some events or the movements are invalid (a customer or touchpoint
    /// index out of range is an unknown customer or touchpoint); every failure is reported with the row and its code.</exception>
    /// <exception cref="InvalidOperationException">No model of the kind chosen is registered, or a custom model gave an invalid weight.</exception>
    public AttributionResult Calculate(JourneyFramework framework, AttributionColumns columns, AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(columns);
        return Calculate(framework, options, columnar: true, index => index.ReadColumns(columns, periods: null));
    }

    private AttributionResult Calculate(JourneyFramework framework, AttributionOptions? options, bool columnar, Action<AttributionIndex> read)
    {
        options ??= new AttributionOptions();
        new AttributionOptionsValidator().ValidateOrThrow(options, "attribution options");
        if (!_models.TryGetValue(options.Model, out IAttributionModel? model))
        {
            throw new InvalidOperationException($"Expected a registered model of kind {options.Model}, got none. Registered: {string.Join(", ", _models.Keys.Order())}.");
        }

        try
        {
            return AttributionEngine.Run(framework, options, model, read, columnar);
        }
        catch (OverflowException)
        {
            var failures = new FailureCollector();
            failures.Add(null, "attribution", "Value", CxErrorCodes.ValueOverflow,
                "Expected attributed totals within 64-bit units, got an overflow. Check the movements for wrong amounts, or attribute a subset (for example by segment).");
            throw failures.ToException("attribution");
        }
    }
}
