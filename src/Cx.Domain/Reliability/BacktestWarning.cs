using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The onset of an early warning in a backtest: the first judged instant of a run of <see cref="StandardStatus.Watch"/>.</summary>
public sealed class BacktestWarning
{
    internal BacktestWarning(Instant at, string reason, bool wasFollowedByBreach)
    {
        At = at;
        Reason = reason;
        WasFollowedByBreach = wasFollowedByBreach;
    }

    /// <summary>Gets when the warning fired.</summary>
    public Instant At { get; }

    /// <summary>Gets why: the first firing burn-rate rule or drift signal.</summary>
    public string Reason { get; }

    /// <summary>Gets a value indicating whether a breach followed within the standard's window length.</summary>
    public bool WasFollowedByBreach { get; }

    /// <summary>Returns the time and reason.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{At}: {Reason}");
}
