using System.Diagnostics.CodeAnalysis;

namespace Cx.Domain.Primitives;

/// <summary>The identifier of a customer (an account, a household, a buyer) as the source system spells it.</summary>
/// <remarks>
/// <para>Surrounding white space is trimmed; an empty or all-white-space id is rejected. Equality and ordering are
/// ordinal and case-sensitive: <c>"C-1"</c> and <c>"c-1"</c> are different customers, as in most source systems.</para>
/// <para><c>default(CustomerId)</c> is the empty id (<see cref="IsEmpty"/> is <see langword="true"/>); ledgers and
/// validators reject it.</para>
/// </remarks>
public readonly struct CustomerId : IEquatable<CustomerId>, IComparable<CustomerId>
{
    private readonly string? _value;

    private CustomerId(string value) => _value = value;

    /// <summary>Gets the trimmed identifier; the empty string for <c>default(CustomerId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the empty id (<c>default(CustomerId)</c>).</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The identifier; surrounding white space is removed.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    public static CustomerId From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!TryFrom(value, out CustomerId id))
        {
            throw new ArgumentException("Expected a non-empty customer id, got an empty or white-space string. Every record needs the id of its customer.", nameof(value));
        }

        return id;
    }

    /// <summary>Tries to create an id from its text.</summary>
    /// <param name="value">The identifier.</param>
    /// <param name="id">The id, or the empty id when <paramref name="value"/> is null, empty or white space.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> has a non-white-space character.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out CustomerId id)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            id = default;
            return false;
        }

        id = new CustomerId(value.Trim());
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(CustomerId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CustomerId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares ordinally; the empty id sorts first.</summary>
    /// <param name="other">The other id.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(CustomerId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the identifier text.</summary>
    /// <returns>The trimmed id, or the empty string.</returns>
    public override string ToString() => Value;

    /// <summary>Tests two ids for ordinal equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(CustomerId left, CustomerId right) => left.Equals(right);

    /// <summary>Tests two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(CustomerId left, CustomerId right) => !left.Equals(right);

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(CustomerId left, CustomerId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(CustomerId left, CustomerId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(CustomerId left, CustomerId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(CustomerId left, CustomerId right) => left.CompareTo(right) >= 0;
}
