using System.Globalization;

namespace Cx.Domain.Primitives;

/// <summary>How far a long operation has come: what it is doing, how many items it has done, and of how many if known —
/// what the <see cref="IProgress{T}"/> overloads of ledger building, attribution and the reliability backtest report.</summary>
/// <remarks>
/// <para>Reports come from the thread doing the work, every few thousand items and once at the end of each stage; an
/// <see cref="IProgress{T}"/> such as <see cref="Progress{T}"/> moves them to the thread that created it.</para>
/// <para><c>default(WorkProgress)</c> is an empty stage with nothing done and no total. Equality compares stage (ordinal),
/// completed and total.</para>
/// </remarks>
public readonly struct WorkProgress : IEquatable<WorkProgress>
{
    private readonly string? _stage;

    /// <summary>Initializes a report.</summary>
    /// <param name="stage">What is being done, such as <c>reading records</c>; null is empty.</param>
    /// <param name="completed">How many items are done, zero or more.</param>
    /// <param name="total">How many there are, when known.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="completed"/> or <paramref name="total"/> is negative.</exception>
    public WorkProgress(string? stage, long completed, long? total)
    {
        // Messages built here, without the runtime's "Actual value was ...", which formats in the current culture.
        if (completed < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(completed), string.Create(CultureInfo.InvariantCulture, $"Expected a count of completed items of zero or more, got {completed}."));
        }

        if (total is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(total), string.Create(CultureInfo.InvariantCulture, $"Expected a total of zero or more, or null when unknown, got {total}."));
        }

        _stage = stage;
        Completed = completed;
        Total = total;
    }

    /// <summary>Gets what is being done.</summary>
    public string Stage => _stage ?? string.Empty;

    /// <summary>Gets how many items are done.</summary>
    public long Completed { get; }

    /// <summary>Gets how many items there are, or null when the input's size is not known in advance.</summary>
    public long? Total { get; }

    /// <summary>Gets the share done, from 0 to 1; null when the total is unknown or zero.</summary>
    public double? Fraction => Total is { } t && t > 0 ? Math.Min(1, (double)Completed / t) : null;

    /// <summary>Tests two reports for equality.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(WorkProgress left, WorkProgress right) => left.Equals(right);

    /// <summary>Tests two reports for inequality.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(WorkProgress left, WorkProgress right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(WorkProgress other) => string.Equals(Stage, other.Stage, StringComparison.Ordinal) && Completed == other.Completed && Total == other.Total;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is WorkProgress other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Stage), Completed, Total);

    /// <summary>Returns a short form.</summary>
    /// <returns>For example <c>reading records: 40,000 of 100,000 (40.0%)</c> or <c>reading events: 12,000</c>.</returns>
    public override string ToString() => Total is { } total
        ? string.Create(CultureInfo.InvariantCulture, $"{Stage}: {Completed:N0} of {total:N0}{(Fraction is { } f ? " (" + (f * 100).ToString("F1", CultureInfo.InvariantCulture) + "%)" : string.Empty)}")
        : string.Create(CultureInfo.InvariantCulture, $"{Stage}: {Completed:N0}");
}
