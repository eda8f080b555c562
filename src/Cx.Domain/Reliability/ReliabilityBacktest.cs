namespace Cx.Domain.Reliability;

/// <summary>The backtest of every standard of a set.</summary>
public sealed class ReliabilityBacktest
{
    internal ReliabilityBacktest(IReadOnlyList<StandardBacktest> standards) => Standards = standards;

    /// <summary>Gets the backtests, in the order of the standard set.</summary>
    public IReadOnlyList<StandardBacktest> Standards { get; }

    /// <summary>Gets the number of breaches over all standards.</summary>
    public int BreachCount => Standards.Sum(s => s.Breaches.Count);

    /// <summary>Gets the number of breaches a warning preceded.</summary>
    public int WarnedBreachCount => Standards.Sum(s => s.WarnedBreachCount);

    /// <summary>Gets the number of warnings no breach followed.</summary>
    public int FalseWarningCount => Standards.Sum(s => s.FalseWarningCount);

    /// <summary>Returns a summary.</summary>
    /// <returns>For example <c>5 breaches, 4 warned, 2 false warnings</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{BreachCount} breaches, {WarnedBreachCount} warned, {FalseWarningCount} false warnings");
}
