using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <content>The overload of the backtest for long runs: a cancellation token and progress reports.</content>
public sealed partial class ReliabilityEvaluator
{
    /// <summary>Backtests the early warnings like
    /// <see cref="Backtest(ReliabilityStandardSet, IEnumerable{ReliabilityMeasurement}, Instant?, Instant?, IEnumerable{PeriodAggregate}?, EarlyWarningPolicy?)"/>,
    /// observing a cancellation token and reporting progress: <c>reading measurements</c>, then <c>backtesting standards</c>
    /// (one report per standard done).</summary>
    /// <param name="standards">The standards.</param>
    /// <param name="measurements">The event measurements, in any order.</param>
    /// <param name="cancellationToken">Checked every few thousand measurements and before each standard.</param>
    /// <param name="progress">Receives the reports; none when null.</param>
    /// <param name="from">The first instant to judge; the first event's when null.</param>
    /// <param name="to">The last instant to judge; the last event's when null.</param>
    /// <param name="aggregates">The periodic aggregates, or null.</param>
    /// <param name="policy">The early-warning policy to backtest; this evaluator's when null.</param>
    /// <returns>The backtest, the same as without a token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standards"/> or <paramref name="measurements"/> is null.</exception>
    /// <exception cref="CxValidationException">The input is invalid, or <paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public ReliabilityBacktest Backtest(
        ReliabilityStandardSet standards,
        IEnumerable<ReliabilityMeasurement> measurements,
        CancellationToken cancellationToken,
        IProgress<WorkProgress>? progress = null,
        Instant? from = null,
        Instant? to = null,
        IEnumerable<PeriodAggregate>? aggregates = null,
        EarlyWarningPolicy? policy = null) =>
        Backtest(standards, measurements, from, to, aggregates, policy, cancellationToken, progress);
}
