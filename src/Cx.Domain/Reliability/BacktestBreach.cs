using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The onset of a breach in a backtest, with its lead time: how long before it the first warning fired.</summary>
public sealed class BacktestBreach
{
    internal BacktestBreach(Instant at, string windowLabel, Instant? firstWarningAt)
    {
        At = at;
        WindowLabel = windowLabel;
        FirstWarningAt = firstWarningAt;
    }

    /// <summary>Gets the first judged instant at which the standard was breached.</summary>
    public Instant At { get; }

    /// <summary>Gets the label of the breached window.</summary>
    public string WindowLabel { get; }

    /// <summary>Gets the onset of the earliest warning within the standard's window length before the breach (and after the
    /// previous breach ended), or null when the breach came without warning.</summary>
    public Instant? FirstWarningAt { get; }

    /// <summary>Gets the lead time, <see cref="At"/> minus <see cref="FirstWarningAt"/>, or null when unwarned.</summary>
    public Duration? LeadTime => FirstWarningAt is { } w ? At - w : null;

    /// <summary>Returns the time, window and lead time.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{At} ({WindowLabel}): lead time {(LeadTime is { } l ? DurationText.Format(l) : "none")}");
}
