using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;

namespace Cx.Domain.Attribution;

/// <content>The overloads for long runs: a cancellation token and progress reports.</content>
public sealed partial class JourneyAttributionCalculator
{
    /// <summary>Attributes the movements of a ledger like
    /// <see cref="Calculate(JourneyFramework, AssetLedger, IEnumerable{ExperienceEvent}, AttributionOptions?)"/>, observing a
    /// cancellation token and reporting progress: <c>finding movements</c> (customers of the ledger), then
    /// <c>reading events</c>.</summary>
    /// <param name="framework">The journey framework.</param>
    /// <param name="ledger">The ledger; its customers are the known customers.</param>
    /// <param name="events">The experience events, in any order.</param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <param name="cancellationToken">Checked between the stages and every few thousand events.</param>
    /// <param name="progress">Receives the reports; none when null.</param>
    /// <returns>The attribution, the same as without a token.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> and <paramref name="progress"/> is null.</exception>
    /// <exception cref="CxValidationException">The options or some events are invalid; every failure is reported with its code.</exception>
    /// <exception cref="InvalidOperationException">No model of the kind chosen is registered, or a custom model gave an invalid weight.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public AttributionResult Calculate(
        JourneyFramework framework,
        AssetLedger ledger,
        IEnumerable<ExperienceEvent> events,
        AttributionOptions? options,
        CancellationToken cancellationToken,
        IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(events);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<CustomerMovement> movements = new AssetMovementCalculator().CustomerMovements(ledger, includeFlat: true);
        progress?.Report(new WorkProgress("finding movements", ledger.CustomerCount, ledger.CustomerCount));
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<CustomerId> known = ledger.Customers;
        AttributionResult result = Calculate(framework, options, ledger.Unit, ledger.Grid, columnar: false,
            index => index.ReadObjects(movements, Monitored.Wrap(events, "reading events", cancellationToken, progress), known, periods: null));
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    /// <summary>Attributes a list of customer movements like
    /// <see cref="Calculate(JourneyFramework, IEnumerable{CustomerMovement}, IEnumerable{ExperienceEvent}, AttributionOptions?, IEnumerable{CustomerId}?)"/>,
    /// observing a cancellation token and reporting progress while reading the movements and the events.</summary>
    /// <param name="framework">The journey framework.</param>
    /// <param name="movements">The movements; at most one per customer and period.</param>
    /// <param name="events">The experience events, in any order.</param>
    /// <param name="options">The options; the defaults when null.</param>
    /// <param name="knownCustomers">The customers events may name, or null to accept any.</param>
    /// <param name="cancellationToken">Checked every few thousand movements and events.</param>
    /// <param name="progress">Receives <c>reading movements</c> and <c>reading events</c> reports; none when null.</param>
    /// <returns>The attribution, the same as without a token.</returns>
    /// <exception cref="ArgumentNullException">A required argument, or a movement, is null.</exception>
    /// <exception cref="ArgumentException">The movements come from more than one period grid (two periods share an index), or
    /// span more than 2^20 periods.</exception>
    /// <exception cref="CxValidationException">The options, some events or the movements are invalid.</exception>
    /// <exception cref="InvalidOperationException">No model of the kind chosen is registered, or a custom model gave an invalid weight.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public AttributionResult Calculate(
        JourneyFramework framework,
        IEnumerable<CustomerMovement> movements,
        IEnumerable<ExperienceEvent> events,
        AttributionOptions? options,
        IEnumerable<CustomerId>? knownCustomers,
        CancellationToken cancellationToken,
        IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(events);
        AttributionResult result = Calculate(
            framework,
            Monitored.Wrap(movements, "reading movements", cancellationToken, progress),
            Monitored.Wrap(events, "reading events", cancellationToken, progress),
            options,
            knownCustomers);
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }
}
