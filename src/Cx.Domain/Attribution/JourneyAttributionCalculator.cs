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
/// <para>Large inputs with a built-in model run on every core (customer blocks), with a result identical to one thread's.
/// For customers split across workers, <see cref="Count(JourneyFramework, AssetLedger, IEnumerable{ExperienceEvent}, AttributionOptions?)"/>
/// each partition, <see cref="Fit(AttributionStatistics)"/> the merged statistics once, then
/// <see cref="Allocate(FittedAttribution, AssetLedger, IEnumerable{ExperienceEvent})"/> each partition and merge the
/// <see cref="AttributionPartial"/>s: the result is exactly that of one calculation (see <see cref="AttributionStatistics"/>).</para>
/// </remarks>
public sealed partial class JourneyAttributionCalculator
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
    /// <exception cref="InvalidOperationException">No model of the kind chosen is registered, or a custom model gave an invalid weight.</exception>
    public AttributionResult Calculate(JourneyFramework framework, AssetLedger ledger, IEnumerable<ExperienceEvent> events, AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(events);
        IReadOnlyList<CustomerMovement> movements = new AssetMovementCalculator().CustomerMovements(ledger, includeFlat: true);
        IReadOnlyList<CustomerId> known = ledger.Customers;
        return Calculate(framework, options, ledger.Unit, ledger.Grid, columnar: false, index => index.ReadObjects(movements, events, known, periods: null));
    }

    /// <summary>Attributes a list of customer movements.</summary>
    /// <param name="framework">The journey framework.</param>
    /// <param name="movements">The movements, as from <see cref="AssetMovementCalculator.CustomerMovements"/>; at most one per customer and period.</param>
    /// <param name="events">The experience events, in any order.</param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <param name="knownCustomers">The customers events may name, or null to accept any (customers without movements then form null paths).</param>
    /// <returns>The attribution.</returns>
    /// <exception cref="ArgumentNullException">A required argument, or a movement, is null.</exception>
    /// <exception cref="ArgumentException">The movements come from more than one period grid (two periods share an index), or
    /// span more than 2^20 periods.</exception>
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
        return Calculate(framework, options, unit: null, grid: null, columnar: false, index => index.ReadObjects(movements, events, knownCustomers, periods: null));
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
        return Calculate(framework, options, unit: null, grid: null, columnar: true, index => index.ReadColumns(columns, periods: null));
    }

    /// <summary>Phase one of an attribution split across customer partitions: counts the paths of one partition's customers
    /// (a ledger of some customers), for every period of the ledger's grid.</summary>
    /// <param name="framework">The journey framework.</param>
    /// <param name="ledger">The partition's ledger; its customers are the known customers.</param>
    /// <param name="events">The partition's experience events, in any order.</param>
    /// <param name="options">The options, the same for every partition; the defaults when null.</param>
    /// <returns>The partition's statistics; merge them with the other partitions', then <see cref="Fit(AttributionStatistics)"/>.</returns>
    /// <remarks>See <see cref="AttributionStatistics"/> for the two phases. The partitions' ledgers must share one grid.</remarks>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="CxValidationException">The options or some events are invalid; every failure is reported with its code.</exception>
    /// <exception cref="InvalidOperationException">The model chosen is not registered, or is a custom model (only the built-in
    /// models fit from merged statistics).</exception>
    public AttributionStatistics Count(JourneyFramework framework, AssetLedger ledger, IEnumerable<ExperienceEvent> events, AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(events);
        IReadOnlyList<CustomerMovement> movements = new AssetMovementCalculator().CustomerMovements(ledger, includeFlat: true);
        IReadOnlyList<CustomerId> known = ledger.Customers;
        return Count(framework, ledger.Grid, options, ledger.Unit, ledger.Grid, columnar: false, (index, periods) => index.ReadObjects(movements, events, known, periods));
    }

    /// <summary>Phase one of an attribution split across customer partitions: counts the paths of one partition's customers,
    /// for every period of a grid.</summary>
    /// <param name="framework">The journey framework.</param>
    /// <param name="grid">The grid of the movements; the same for every partition.</param>
    /// <param name="movements">The partition's movements (flat ones included, so that the analysed periods are right).</param>
    /// <param name="events">The partition's experience events, in any order.</param>
    /// <param name="options">The options, the same for every partition; the defaults when null.</param>
    /// <param name="knownCustomers">The customers events may name, or null to accept any.</param>
    /// <returns>The partition's statistics; merge them with the other partitions', then <see cref="Fit(AttributionStatistics)"/>.</returns>
    /// <remarks>See <see cref="AttributionStatistics"/> for the two phases.</remarks>
    /// <exception cref="ArgumentNullException">A required argument, or a movement, is null.</exception>
    /// <exception cref="ArgumentException">A movement's period is not a period of <paramref name="grid"/>.</exception>
    /// <exception cref="CxValidationException">The options, some events or the movements are invalid; every failure is reported with its code.</exception>
    /// <exception cref="InvalidOperationException">The model chosen is not registered, or is a custom model (only the built-in
    /// models fit from merged statistics).</exception>
    public AttributionStatistics Count(
        JourneyFramework framework,
        PeriodGrid grid,
        IEnumerable<CustomerMovement> movements,
        IEnumerable<ExperienceEvent> events,
        AttributionOptions? options = null,
        IEnumerable<CustomerId>? knownCustomers = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(events);
        return Count(framework, grid, options, unit: null, resultGrid: null, columnar: false, (index, periods) => index.ReadObjects(movements, events, knownCustomers, periods));
    }

    /// <summary>Phase one of an attribution split across customer partitions, for a partition given as columns.</summary>
    /// <param name="framework">The journey framework.</param>
    /// <param name="grid">The grid of the movements; the same for every partition.</param>
    /// <param name="columns">The partition's customers, movements and events.</param>
    /// <param name="options">The options, the same for every partition; the defaults when null.</param>
    /// <returns>The partition's statistics.</returns>
    /// <remarks>See <see cref="AttributionStatistics"/> for the two phases.</remarks>
    /// <exception cref="ArgumentNullException">A required argument, or a movement, is null.</exception>
    /// <exception cref="ArgumentException">Two customers share an id, a movement's customer index does not name its customer,
    /// or a movement's period is not a period of <paramref name="grid"/>.</exception>
    /// <exception cref="CxValidationException">The options, some events or the movements are invalid; every failure is reported with its code.</exception>
    /// <exception cref="InvalidOperationException">The model chosen is not registered, or is a custom model.</exception>
    public AttributionStatistics Count(JourneyFramework framework, PeriodGrid grid, AttributionColumns columns, AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(columns);
        return Count(framework, grid, options, unit: null, resultGrid: null, columnar: true, (index, periods) => index.ReadColumns(columns, periods));
    }

    /// <summary>Fits the model once on the merged statistics of every partition.</summary>
    /// <param name="statistics">The statistics of all partitions, merged.</param>
    /// <returns>The fit to allocate every partition with.</returns>
    /// <remarks>The analysed periods are the grid periods with a movement in any partition; the Markov chain and the Shapley
    /// game are built from the counts of those periods, exactly as one calculation over all customers would build them.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="statistics"/> is null.</exception>
    /// <exception cref="CxValidationException">More than 15 Shapley players are met (CX0604).</exception>
    /// <exception cref="InvalidOperationException">The model is not registered, or is a custom model.</exception>
    public FittedAttribution Fit(AttributionStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        AttributionOptions options = statistics.Options;
        IPathStatisticsModel model = StatisticsModel(options);
        bool[] analysed = statistics.PeriodHasMovement;
        GridPeriod[] periods = [.. statistics.Grid.Periods.Where((_, i) => analysed[i])];
        AttributionModelFit gains = model.Fit(statistics.Sum(AttributionDirection.Gains, analysed, model), statistics.Framework, options, AttributionDirection.Gains);
        AttributionModelFit losses = model.Fit(statistics.Sum(AttributionDirection.Losses, analysed, model), statistics.Framework, options, AttributionDirection.Losses);
        return new FittedAttribution(
            statistics.Framework,
            options,
            statistics.Unit,
            statistics.ResultGrid,
            periods,
            gains,
            losses,
            statistics.NullPaths(AttributionDirection.Gains, analysed),
            statistics.NullPaths(AttributionDirection.Losses, analysed),
            statistics.OutsideEveryWindow(analysed));
    }

    /// <summary>Phase two of an attribution split across customer partitions: splits one partition's movements (a ledger of
    /// some customers) with the fit of the whole.</summary>
    /// <param name="fit">The fit of the merged statistics.</param>
    /// <param name="ledger">The partition's ledger, the one it was counted with; its customers are the known customers.</param>
    /// <param name="events">The partition's experience events.</param>
    /// <returns>The partition's credits; merge them with the other partitions' and call <see cref="AttributionPartial.ToResult"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A movement falls in a period the fit did not analyse (the partition changed between the phases).</exception>
    /// <exception cref="CxValidationException">Some events or movements are invalid; every failure is reported with its code.</exception>
    public AttributionPartial Allocate(FittedAttribution fit, AssetLedger ledger, IEnumerable<ExperienceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return Allocate(fit, new AssetMovementCalculator().CustomerMovements(ledger, includeFlat: true), events, ledger.Customers);
    }

    /// <summary>Phase two of an attribution split across customer partitions: splits one partition's movements with the fit
    /// of the whole.</summary>
    /// <param name="fit">The fit of the merged statistics.</param>
    /// <param name="movements">The partition's movements, as counted.</param>
    /// <param name="events">The partition's experience events, as counted.</param>
    /// <param name="knownCustomers">The customers events may name, or null to accept any.</param>
    /// <returns>The partition's credits; merge them with the other partitions' and call <see cref="AttributionPartial.ToResult"/>.</returns>
    /// <exception cref="ArgumentNullException">A required argument, or a movement, is null.</exception>
    /// <exception cref="ArgumentException">A movement falls in a period the fit did not analyse (the partition changed between the phases).</exception>
    /// <exception cref="CxValidationException">Some events or movements are invalid; every failure is reported with its code.</exception>
    public AttributionPartial Allocate(FittedAttribution fit, IEnumerable<CustomerMovement> movements, IEnumerable<ExperienceEvent> events, IEnumerable<CustomerId>? knownCustomers = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(events);
        return GuardOverflow(() => AttributionEngine.Allocate(fit, index => index.ReadObjects(movements, events, knownCustomers, fit.Periods), columnar: false));
    }

    /// <summary>Phase two of an attribution split across customer partitions, for a partition given as columns.</summary>
    /// <param name="fit">The fit of the merged statistics.</param>
    /// <param name="columns">The partition's customers, movements and events, as counted.</param>
    /// <returns>The partition's credits.</returns>
    /// <exception cref="ArgumentNullException">A required argument, or a movement, is null.</exception>
    /// <exception cref="ArgumentException">Two customers share an id, a movement's customer index does not name its customer,
    /// or a movement falls in a period the fit did not analyse.</exception>
    /// <exception cref="CxValidationException">Some events or movements are invalid; every failure is reported with its code.</exception>
    public AttributionPartial Allocate(FittedAttribution fit, AttributionColumns columns)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(columns);
        return GuardOverflow(() => AttributionEngine.Allocate(fit, index => index.ReadColumns(columns, fit.Periods), columnar: true));
    }

    /// <summary>Runs a step of a calculation, turning a 64-bit overflow into a clear validation error.</summary>
    internal static T GuardOverflow<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (OverflowException)
        {
            var failures = new FailureCollector();
            failures.Add(null, "attribution", "Value", CxErrorCodes.ValueOverflow,
                "Expected attributed totals within 64-bit units, got an overflow. Check the movements for wrong amounts, or attribute a subset (for example by segment).");
            throw failures.ToException("attribution");
        }
    }

    private AttributionResult Calculate(JourneyFramework framework, AttributionOptions? options, MeasureUnit? unit, PeriodGrid? grid, bool columnar, Action<AttributionIndex> read)
    {
        options ??= new AttributionOptions();
        unit ??= options.Unit ?? AttributionResult.PlainUnits;
        new AttributionOptionsValidator().ValidateOrThrow(options, "attribution options");
        IAttributionModel model = ModelOf(options);
        return GuardOverflow(() => AttributionEngine.Run(framework, options, model, unit, grid, read, columnar));
    }

    private AttributionStatistics Count(JourneyFramework framework, PeriodGrid grid, AttributionOptions? options, MeasureUnit? unit, PeriodGrid? resultGrid, bool columnar, Action<AttributionIndex, GridPeriod[]> read)
    {
        options = (options ?? new AttributionOptions()).Copy();
        unit ??= options.Unit ?? AttributionResult.PlainUnits;
        new AttributionOptionsValidator().ValidateOrThrow(options, "attribution options");
        IPathStatisticsModel model = StatisticsModel(options);
        GridPeriod[] periods = [.. grid.Periods];
        return GuardOverflow(() => AttributionEngine.Count(framework, options, model, grid, unit, resultGrid, index => read(index, periods), columnar));
    }

    private IAttributionModel ModelOf(AttributionOptions options) =>
        _models.TryGetValue(options.Model, out IAttributionModel? model)
            ? model
            : throw new InvalidOperationException($"Expected a registered model of kind {EnumText.Of(options.Model)}, got none. Registered: {string.Join(", ", _models.Keys.Order())}.");

    private IPathStatisticsModel StatisticsModel(AttributionOptions options) =>
        ModelOf(options) as IPathStatisticsModel
            ?? throw new InvalidOperationException(
                $"Expected a built-in {EnumText.Of(options.Model)} model to fit from merged statistics, got a custom one ({ModelOf(options).GetType().Name}). Calculate over all customers at once with a custom model.");
}
