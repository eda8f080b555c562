using Cx.Domain.Internal;
using NodaTime;

namespace Cx.Domain.Reporting;

/// <summary>A vertical marker on a reliability run chart: an instant, what happened, and its kind.</summary>
/// <remarks><c>default(RunChartMarker)</c> is a <see cref="RunChartMarkerKind.None"/> marker at the Unix epoch with an empty
/// label. Equality compares instant, label (ordinal) and kind.</remarks>
public readonly struct RunChartMarker : IEquatable<RunChartMarker>
{
    /// <summary>Initializes a marker.</summary>
    /// <param name="at">When it happened.</param>
    /// <param name="label">What happened, shown in the marker's tooltip (HTML-encoded); null is empty.</param>
    /// <param name="kind">Its kind, which sets its colour.</param>
    public RunChartMarker(Instant at, string? label, RunChartMarkerKind kind)
    {
        At = at;
        _label = label;
        Kind = kind;
    }

    private readonly string? _label;

    /// <summary>Gets when it happened.</summary>
    public Instant At { get; }

    /// <summary>Gets what happened.</summary>
    public string Label => _label ?? string.Empty;

    /// <summary>Gets its kind.</summary>
    public RunChartMarkerKind Kind { get; }

    /// <summary>Tests two markers for equality.</summary>
    /// <param name="left">The first marker.</param>
    /// <param name="right">The second marker.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(RunChartMarker left, RunChartMarker right) => left.Equals(right);

    /// <summary>Tests two markers for inequality.</summary>
    /// <param name="left">The first marker.</param>
    /// <param name="right">The second marker.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(RunChartMarker left, RunChartMarker right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(RunChartMarker other) => At == other.At && string.Equals(Label, other.Label, StringComparison.Ordinal) && Kind == other.Kind;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RunChartMarker other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(At, StringComparer.Ordinal.GetHashCode(Label), Kind);

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>Warning at 2025-03-10T08:00:00Z: page 14.4x over 1h/5m</c>.</returns>
    public override string ToString() => $"{EnumText.Of(Kind)} at {ReportText.Instant(At)}: {Label}";
}
