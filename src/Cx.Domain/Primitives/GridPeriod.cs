using NodaTime;

namespace Cx.Domain.Primitives;

/// <summary>One period of a <see cref="PeriodGrid"/>: its position, its dates and its label.</summary>
/// <remarks>Equality compares index, interval and label. Periods are created by their grid only. <c>System.Text.Json</c>
/// writes a period compactly as its label and dates (<c>{"label":"2024-03","start":"2024-03-01","end":"2024-03-31"}</c>).</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(GridPeriodJsonConverter))]
public sealed class GridPeriod : IEquatable<GridPeriod>
{
    internal GridPeriod(int index, DateInterval interval, string label)
    {
        Index = index;
        Interval = interval;
        Label = label;
    }

    /// <summary>Gets the zero-based position of the period in its grid.</summary>
    public int Index { get; }

    /// <summary>Gets the dates the period covers, both ends inclusive.</summary>
    public DateInterval Interval { get; }

    /// <summary>Gets the first day of the period.</summary>
    public LocalDate Start => Interval.Start;

    /// <summary>Gets the last day of the period (inclusive).</summary>
    public LocalDate End => Interval.End;

    /// <summary>Gets the label: <c>2024-03</c>, <c>2024-Q1</c>, <c>2024-W05</c>, <c>2024-03-15</c> or <c>2024-03-01..2024-03-15</c>.</summary>
    public string Label { get; }

    /// <summary>Tells whether the period contains a date.</summary>
    /// <param name="date">The date, in any calendar (it is compared as the ISO date of the same day).</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> falls within <see cref="Interval"/>.</returns>
    public bool Contains(LocalDate date) => Interval.Contains(date.WithCalendar(CalendarSystem.Iso));

    /// <inheritdoc/>
    public bool Equals(GridPeriod? other) =>
        other is not null && Index == other.Index && Interval.Equals(other.Interval) && string.Equals(Label, other.Label, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GridPeriod);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Index, Interval, Label);

    /// <summary>Tests two instances for equality; see <see cref="Equals(GridPeriod?)"/>.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when both are null or equal.</returns>
    public static bool operator ==(GridPeriod? left, GridPeriod? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Tests two instances for inequality.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(GridPeriod? left, GridPeriod? right) => !(left == right);

    /// <summary>Returns the label.</summary>
    /// <returns>The label, such as <c>2024-03</c>.</returns>
    public override string ToString() => Label;
}
