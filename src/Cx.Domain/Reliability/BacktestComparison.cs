namespace Cx.Domain.Reliability;

/// <summary>Several early-warning policies backtested over the same standards, measurements and span, side by side.</summary>
public sealed class BacktestComparison
{
    internal BacktestComparison(IReadOnlyList<ReliabilityBacktest> backtests) => Backtests = backtests;

    /// <summary>Gets the backtests, one per policy, in the order given.</summary>
    public IReadOnlyList<ReliabilityBacktest> Backtests { get; }

    /// <summary>Gets the overall scorecards, one per policy, in the order given.</summary>
    public IReadOnlyList<WarningScorecard> Scorecards => [.. Backtests.Select(b => b.Scorecard)];

    /// <summary>Returns one summary line per policy.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Join(Environment.NewLine, Backtests);
}
