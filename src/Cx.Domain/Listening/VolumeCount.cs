using System.Globalization;

namespace Cx.Domain.Listening;

/// <summary>How many signals of a period fall under one key of a breakdown (a kind, a source, a touchpoint or a topic).</summary>
/// <remarks>Immutable. <see cref="Key"/> is null for the bucket of signals without one (no touchpoint, untagged).</remarks>
public sealed class VolumeCount
{
    internal VolumeCount(string? key, string name, long count, long periodTotal)
    {
        Key = key;
        Name = name;
        Count = count;
        Share = periodTotal == 0 ? 0 : (double)count / periodTotal;
    }

    /// <summary>Gets the key: a kind or source name in lower case, a touchpoint or topic id; null for the "none" bucket.</summary>
    public string? Key { get; }

    /// <summary>Gets the display name, such as <c>Financing delays</c> or <c>(untagged)</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the number of signals (for topics: of mentions; a signal with two topics counts under each).</summary>
    public long Count { get; }

    /// <summary>Gets <see cref="Count"/> divided by the period's signal count, from 0 to 1 (topic shares can add up to more
    /// than 1); 0 in a period without signals.</summary>
    public double Share { get; }

    /// <summary>Returns a short form such as <c>Financing delays: 42 (12.5%)</c>.</summary>
    /// <returns>The name, count and share.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Count} ({Share:P1})");
}
