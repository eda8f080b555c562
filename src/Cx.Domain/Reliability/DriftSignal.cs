using System.Globalization;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>One point where a drift detector says the process has moved away from its baseline.</summary>
/// <remarks>Detectors do not reset after a signal: a chart that stays out of its limits signals at every value.</remarks>
public sealed class DriftSignal
{
    internal DriftSignal(DriftSignalSource source, int rule, int index, DriftDirection direction, double statistic, double limit, Instant? at = null)
    {
        Source = source;
        Rule = rule;
        Index = index;
        Direction = direction;
        Statistic = statistic;
        Limit = limit;
        At = at;
    }

    /// <summary>Gets the detector.</summary>
    public DriftSignalSource Source { get; }

    /// <summary>Gets the run rule's number (1 to 4 for Western Electric, 1 to 8 for Nelson); 0 for EWMA and CUSUM.</summary>
    public int Rule { get; }

    /// <summary>Gets the zero-based position of the value that completed the signal in the series.</summary>
    public int Index { get; }

    /// <summary>Gets the direction of the departure; <see cref="DriftDirection.None"/> for patterns with no side.</summary>
    public DriftDirection Direction { get; }

    /// <summary>Gets the detector's statistic at the signal: the EWMA value, the cumulative sum (in sigmas), or for run rules
    /// the standardized value <c>(x - mean) / sigma</c>.</summary>
    public double Statistic { get; }

    /// <summary>Gets the limit the statistic crossed: the control limit, the decision interval, or the rule's sigma band
    /// (0 for rules about runs and trends).</summary>
    public double Limit { get; }

    /// <summary>Gets when the value was measured, when the series has times; otherwise null.</summary>
    public Instant? At { get; }

    /// <summary>Gets a one-line explanation, such as <c>EWMA 31.2 above its upper limit 29.8</c>.</summary>
    public string Description => Source switch
    {
        DriftSignalSource.Ewma => string.Create(CultureInfo.InvariantCulture, $"EWMA {Statistic:G4} {(Direction == DriftDirection.Up ? "above its upper" : "below its lower")} control limit {Limit:G4}"),
        DriftSignalSource.Cusum => string.Create(CultureInfo.InvariantCulture, $"{(Direction == DriftDirection.Up ? "upper" : "lower")} CUSUM {Statistic:G4} sigma beyond the decision interval {Limit:G4}"),
        DriftSignalSource.WesternElectric => "Western Electric rule " + Rule.ToString(CultureInfo.InvariantCulture) + ": " + RunRules.Describe(DriftSignalSource.WesternElectric, Rule),
        _ => "Nelson rule " + Rule.ToString(CultureInfo.InvariantCulture) + ": " + RunRules.Describe(DriftSignalSource.Nelson, Rule),
    };

    internal DriftSignal WithTime(Instant at) => new(Source, Rule, Index, Direction, Statistic, Limit, at);

    /// <summary>Returns the description with the position.</summary>
    /// <returns>For example <c>#41: EWMA 31.2 above its upper control limit 29.8</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{Index}: {Description}");
}
