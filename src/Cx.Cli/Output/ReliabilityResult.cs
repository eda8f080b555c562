using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Cli.Output;

/// <summary>What <c>cx reliability</c> computed: the status of every standard as of an instant, or the backtest of the
/// early warnings up to it.</summary>
/// <param name="Input">Where the standards and measurements came from, as the title shows it.</param>
/// <param name="MeasurementCount">How many measurements were read.</param>
/// <param name="AsOf">The evaluation instant (the end of the backtest).</param>
/// <param name="Report">The status of every standard, or null for a backtest.</param>
/// <param name="Backtest">The backtest, or null for a status report.</param>
internal sealed record ReliabilityResult(string Input, long MeasurementCount, Instant AsOf, ReliabilityReport? Report, ReliabilityBacktest? Backtest);
