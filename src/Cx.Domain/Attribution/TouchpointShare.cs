namespace Cx.Domain.Attribution;

/// <summary>One touchpoint's share of one movement.</summary>
public sealed class TouchpointShare
{
    internal TouchpointShare(string touchpointId, string stageId, double weight, long value)
    {
        TouchpointId = touchpointId;
        StageId = stageId;
        Weight = weight;
        Value = value;
    }

    /// <summary>Gets the touchpoint id.</summary>
    public string TouchpointId { get; }

    /// <summary>Gets the id of the touchpoint's stage.</summary>
    public string StageId { get; }

    /// <summary>Gets the model's weight for the touchpoint on this path, as a fraction of the path's total weight (with
    /// <see cref="MarkovAllocation.Pooled"/>, the touchpoint's global weight, the shares then covering every weighted touchpoint).</summary>
    public double Weight { get; }

    /// <summary>Gets the credited value (zero or more), from the largest-remainder split of the movement's value.</summary>
    public long Value { get; }

    /// <summary>Returns a short diagnostic form.</summary>
    /// <returns>For example <c>test-drive 1200</c>.</returns>
    public override string ToString() => $"{TouchpointId} {Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
