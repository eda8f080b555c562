using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The window a standard's objective is judged over: the calendar periods of a <see cref="PeriodGrid"/> in a
/// time zone ("each month"), or a rolling <see cref="Duration"/> ending at the evaluation instant ("the last 30 days").</summary>
/// <remarks>
/// <para>A calendar period runs from the start of its first day to the start of the day after its last day, in
/// <see cref="Zone"/>; a rolling window ending at <c>t</c> holds the events in <c>(t - Length, t]</c>.</para>
/// <para><see cref="NominalLength"/> is what burn-rate factors scale with: the rolling length, or for a calendar grid
/// 1, 7, 30 or 91 days for daily, weekly, monthly and quarterly grids and the mean period length of a custom grid.</para>
/// <para>Equality compares kind, grid, zone and length.</para>
/// </remarks>
public sealed class EvaluationWindow : IEquatable<EvaluationWindow>
{
    private EvaluationWindow(EvaluationWindowKind kind, PeriodGrid? grid, DateTimeZone? zone, Duration length)
    {
        Kind = kind;
        Grid = grid;
        Zone = zone;
        Length = length;
    }

    /// <summary>Gets how the window cuts time.</summary>
    public EvaluationWindowKind Kind { get; }

    /// <summary>Gets the calendar grid, or null for a rolling window.</summary>
    public PeriodGrid? Grid { get; }

    /// <summary>Gets the time zone of the calendar grid, or null for a rolling window.</summary>
    public DateTimeZone? Zone { get; }

    /// <summary>Gets the rolling length; <see cref="Duration.Zero"/> for a calendar window.</summary>
    public Duration Length { get; }

    /// <summary>Gets the length burn-rate factors scale with (see remarks).</summary>
    public Duration NominalLength => Kind == EvaluationWindowKind.Rolling ? Length : Grid!.Kind switch
    {
        PeriodGridKind.Daily => Duration.FromDays(1),
        PeriodGridKind.Weekly => Duration.FromDays(7),
        PeriodGridKind.Monthly => Duration.FromDays(30),
        PeriodGridKind.Quarterly => Duration.FromDays(91),
        _ => Duration.FromDays(Grid.Periods.Sum(p => (double)(NodaTime.Period.DaysBetween(p.Start, p.End) + 1)) / Grid.Count),
    };

    /// <summary>Creates a rolling window.</summary>
    /// <param name="length">The length, positive and at most <see cref="SupportedRange.MaxDuration"/> (100 years).</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is zero or negative.</exception>
    /// <exception cref="CxValidationException"><paramref name="length"/> is longer than 100 years (code CX0116).</exception>
    public static EvaluationWindow Rolling(Duration length)
    {
        if (length <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a positive rolling window, got {DurationText.Format(length)}. Use for example Duration.FromDays(30)."));
        }

        if (length > SupportedRange.MaxDuration)
        {
            var failures = new FailureCollector();
            failures.Add(null, "evaluation window", "Length", CxErrorCodes.DurationOutOfRange, TimeRangeText.DurationMessage(length, "a rolling window"));
            failures.ThrowIfAny("evaluation window");
        }

        return new EvaluationWindow(EvaluationWindowKind.Rolling, null, null, length);
    }

    /// <summary>Creates a calendar window over the periods of a grid.</summary>
    /// <param name="grid">The periods.</param>
    /// <param name="zone">The time zone that turns instants into business dates; UTC when null.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grid"/> is null.</exception>
    public static EvaluationWindow Calendar(PeriodGrid grid, DateTimeZone? zone = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return new EvaluationWindow(EvaluationWindowKind.Calendar, grid, zone ?? DateTimeZone.Utc, Duration.Zero);
    }

    /// <inheritdoc/>
    public bool Equals(EvaluationWindow? other) =>
        other is not null && Kind == other.Kind && Equals(Grid, other.Grid) && Equals(Zone, other.Zone) && Length == other.Length;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EvaluationWindow);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Grid, Zone, Length);

    /// <summary>Tests two instances for equality; see <see cref="Equals(EvaluationWindow?)"/>.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when both are null or equal.</returns>
    public static bool operator ==(EvaluationWindow? left, EvaluationWindow? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Tests two instances for inequality.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(EvaluationWindow? left, EvaluationWindow? right) => !(left == right);

    /// <summary>Returns a short description such as <c>rolling 30d</c> or <c>calendar monthly 2026-01..2026-12 (12 periods) in UTC</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind == EvaluationWindowKind.Rolling
        ? "rolling " + DurationText.Format(Length)
        : string.Create(CultureInfo.InvariantCulture, $"calendar {Grid} in {Zone!.Id}");

    /// <summary>The start instants of the grid's periods and the end of the last one, in the zone.</summary>
    internal Instant[] CalendarBoundaries()
    {
        var bounds = new Instant[Grid!.Count + 1];
        for (int i = 0; i < Grid.Count; i++)
        {
            bounds[i] = Zone!.AtStartOfDay(Grid[i].Start).ToInstant();
        }

        bounds[^1] = Zone!.AtStartOfDay(Grid.End.PlusDays(1)).ToInstant();
        return bounds;
    }
}
