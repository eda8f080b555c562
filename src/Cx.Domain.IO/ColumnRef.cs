using System.Globalization;

namespace Cx.Domain.IO;

/// <summary>Names a column of a file: by its header name, or by its 1-based position (for files without a header).</summary>
/// <remarks>
/// <para>A name matches a header exactly, else ignoring case and surrounding white space. <see cref="Parse"/> reads
/// digits as a position that still matches a header spelled exactly so (<c>"3"</c> is the column named <c>3</c> when
/// there is one, else the third column).</para>
/// <para><c>default(ColumnRef)</c> names no column (<see cref="IsNone"/>).</para>
/// </remarks>
public readonly struct ColumnRef : IEquatable<ColumnRef>
{
    private ColumnRef(string? name, int position)
    {
        Name = name;
        Position = position;
    }

    /// <summary>Gets the header name, or null for a column given only by position.</summary>
    public string? Name { get; }

    /// <summary>Gets the 1-based position, or 0 when the column is given only by name.</summary>
    public int Position { get; }

    /// <summary>Gets a value indicating whether this names no column.</summary>
    public bool IsNone => Name is null && Position == 0;

    /// <summary>Names a column by its header.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public static ColumnRef Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ColumnRef(name, 0);
    }

    /// <summary>Names a column by its position.</summary>
    /// <param name="position">The 1-based position.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is below 1.</exception>
    public static ColumnRef At(int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        return new ColumnRef(null, position);
    }

    /// <summary>Reads a column as a person writes it: digits are a position (or a header spelled so), anything else a name.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null or empty, or a position of 0.</exception>
    public static ColumnRef Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int position))
        {
            if (position < 1)
            {
                throw new ArgumentException($"Expected a column position of 1 or more, or a name; got '{text}'.", nameof(text));
            }

            return new ColumnRef(text, position);
        }

        return new ColumnRef(text, 0);
    }

    /// <inheritdoc/>
    public bool Equals(ColumnRef other) => string.Equals(Name, other.Name, StringComparison.Ordinal) && Position == other.Position;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ColumnRef other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Position);

    /// <summary>Returns the reference as a person reads it.</summary>
    /// <returns>The name, or <c>column 3</c> for a position.</returns>
    public override string ToString() => Name ?? (Position > 0 ? string.Create(CultureInfo.InvariantCulture, $"column {Position}") : "(none)");

    /// <summary>Tests two references for equality.</summary>
    /// <param name="left">The first reference.</param>
    /// <param name="right">The second reference.</param>
    /// <returns><see langword="true"/> when they are the same.</returns>
    public static bool operator ==(ColumnRef left, ColumnRef right) => left.Equals(right);

    /// <summary>Tests two references for inequality.</summary>
    /// <param name="left">The first reference.</param>
    /// <param name="right">The second reference.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ColumnRef left, ColumnRef right) => !left.Equals(right);
}
