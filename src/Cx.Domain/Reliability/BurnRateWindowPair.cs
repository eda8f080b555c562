using System.Globalization;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>One rule of a multi-window, multi-burn-rate alert: it fires when the burn rate over both the long and the short
/// window exceeds the factor.</summary>
/// <remarks>
/// <para>The long window says the problem is big enough to matter; the short window, typically a twelfth of it, says it is
/// still happening, so the alert stops soon after the process recovers (Google SRE workbook, "Alerting on SLOs").</para>
/// <para>Equality compares windows, factor, severity and budget share.</para>
/// </remarks>
public sealed class BurnRateWindowPair : IEquatable<BurnRateWindowPair>
{
    private BurnRateWindowPair(Duration longWindow, Duration shortWindow, double factor, AlertSeverity severity, double? budgetShare)
    {
        LongWindow = longWindow;
        ShortWindow = shortWindow;
        Factor = factor;
        Severity = severity;
        BudgetShare = budgetShare;
    }

    /// <summary>Gets the long window.</summary>
    public Duration LongWindow { get; }

    /// <summary>Gets the short window, shorter than <see cref="LongWindow"/>.</summary>
    public Duration ShortWindow { get; }

    /// <summary>Gets the burn rate both windows must exceed (strictly) for the rule to fire.</summary>
    public double Factor { get; }

    /// <summary>Gets how urgent the alert is.</summary>
    public AlertSeverity Severity { get; }

    /// <summary>Gets the share of the whole window's error budget that burning at <see cref="Factor"/> for
    /// <see cref="LongWindow"/> consumes, when the pair was derived that way; otherwise null.</summary>
    public double? BudgetShare { get; }

    /// <summary>Creates a pair.</summary>
    /// <param name="longWindow">The long window, positive.</param>
    /// <param name="shortWindow">The short window, positive and shorter than <paramref name="longWindow"/>.</param>
    /// <param name="factor">The burn-rate factor, finite and positive.</param>
    /// <param name="severity">Page or ticket.</param>
    /// <returns>The pair.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A window is not positive, the short window is not shorter than the long
    /// one, the factor is NaN, infinite or not positive, or the severity is undefined.</exception>
    public static BurnRateWindowPair Create(Duration longWindow, Duration shortWindow, double factor, AlertSeverity severity) =>
        Create(longWindow, shortWindow, factor, severity, null);

    internal static BurnRateWindowPair Create(Duration longWindow, Duration shortWindow, double factor, AlertSeverity severity, double? budgetShare)
    {
        if (shortWindow <= Duration.Zero || longWindow <= shortWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(shortWindow), shortWindow,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected 0 < short window < long window, got short {DurationText.Format(shortWindow)} and long {DurationText.Format(longWindow)}. The SRE workbook uses a short window of a twelfth of the long one."));
        }

        if (!double.IsFinite(factor) || factor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a finite positive burn-rate factor, got {factor.ToString(CultureInfo.InvariantCulture)}."));
        }

        if (severity is not (AlertSeverity.Page or AlertSeverity.Ticket))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a severity of Page or Ticket, got {Internal.EnumText.Of(severity)}."));
        }

        return new BurnRateWindowPair(longWindow, shortWindow, factor, severity, budgetShare);
    }

    /// <inheritdoc/>
    public bool Equals(BurnRateWindowPair? other) =>
        other is not null && LongWindow == other.LongWindow && ShortWindow == other.ShortWindow && Factor.Equals(other.Factor)
        && Severity == other.Severity && Nullable.Equals(BudgetShare, other.BudgetShare);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BurnRateWindowPair);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(LongWindow, ShortWindow, Factor, Severity, BudgetShare);

    /// <summary>Tests two instances for equality; see <see cref="Equals(BurnRateWindowPair?)"/>.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when both are null or equal.</returns>
    public static bool operator ==(BurnRateWindowPair? left, BurnRateWindowPair? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Tests two instances for inequality.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BurnRateWindowPair? left, BurnRateWindowPair? right) => !(left == right);

    /// <summary>Returns a short description such as <c>page: burn rate &gt; 14.4 over 1h and 5m</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Severity.ToString().ToLowerInvariant()}: burn rate > {Factor:G6} over {DurationText.Format(LongWindow)} and {DurationText.Format(ShortWindow)}");
}
