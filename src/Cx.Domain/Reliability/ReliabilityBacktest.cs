namespace Cx.Domain.Reliability;

/// <summary>The backtest of every standard of a set under one early-warning policy, with the scorecard of all of them.</summary>
public sealed class ReliabilityBacktest
{
    internal ReliabilityBacktest(EarlyWarningPolicy policy, IReadOnlyList<StandardBacktest> standards)
    {
        Policy = policy;
        Standards = standards;
        Scorecard = WarningScorecard.Combine(standards);
    }

    /// <summary>Gets the early-warning policy backtested.</summary>
    public EarlyWarningPolicy Policy { get; }

    /// <summary>Gets the backtests, in the order of the standard set.</summary>
    public IReadOnlyList<StandardBacktest> Standards { get; }

    /// <summary>Gets the scorecard over every standard.</summary>
    public WarningScorecard Scorecard { get; }

    /// <summary>Gets the number of breaches over all standards.</summary>
    public int BreachCount => Scorecard.BreachCount;

    /// <summary>Gets the number of breaches a warning episode preceded.</summary>
    public int WarnedBreachCount => Scorecard.WarnedBreachCount;

    /// <summary>Gets the number of warning episodes over all standards.</summary>
    public int EpisodeCount => Scorecard.EpisodeCount;

    /// <summary>Gets the number of episodes no breach followed.</summary>
    public int FalseEpisodeCount => Scorecard.FalseEpisodeCount;

    /// <summary>Returns a summary.</summary>
    /// <returns>For example <c>default: all: 21 breaches, 20 warned (95.2%); 23 episodes, 20 true (87%); median lead 4d</c>.</returns>
    public override string ToString() => $"{Policy.Name}: {Scorecard}";
}
