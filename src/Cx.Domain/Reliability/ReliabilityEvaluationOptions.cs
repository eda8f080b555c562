using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>Settings of the reliability evaluation: the early-warning policy, the rolling history and the backtest step.</summary>
/// <remarks>Validated where it is consumed (<see cref="ReliabilityEvaluator"/>): CX0302 for a count or step out of range;
/// CX0515 when the policy's burn-rate rules are longer than a standard's window.</remarks>
public sealed class ReliabilityEvaluationOptions
{
    /// <summary>Gets or sets the early-warning policy: detectors, evidence gates and episodes; default
    /// <see cref="EarlyWarningPolicy.Default"/>.</summary>
    public EarlyWarningPolicy EarlyWarning { get; set; } = EarlyWarningPolicy.Default;

    /// <summary>Gets or sets how many rolling windows, ending at the evaluation instant, the history lists; default 12.</summary>
    public int RollingHistoryCount { get; set; } = 12;

    /// <summary>Gets or sets the step between the instants a backtest (and the episode look-back of an evaluation) judges;
    /// null (the default) uses the shortest short window of each standard's burn-rate rules, widened in a backtest (to whole minutes) so
    /// that no standard needs more than 200,000 steps.</summary>
    public Duration? BacktestStep { get; set; }
}
