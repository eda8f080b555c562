namespace Cx.Domain.Assets;

/// <summary>The class of a customer's movement in a period, as defined in <c>docs/concepts/customer-asset.md</c>.</summary>
/// <remarks>Each customer active in a period or in the one before falls in exactly one class.</remarks>
public enum MovementClass
{
    /// <summary>No movement (the customer is inactive in the period and the one before).</summary>
    None = 0,

    /// <summary>Active in the period, never active before it. Value delta: +v(p).</summary>
    New = 1,

    /// <summary>Active in the period, not in the one before, active at some earlier period. Value delta: +v(p).</summary>
    Reactivated = 2,

    /// <summary>Active in both, more value now. Value delta: v(p) - v(p-1) &gt; 0.</summary>
    Expansion = 3,

    /// <summary>Active in both, less value now. Value delta: v(p) - v(p-1) &lt; 0.</summary>
    Contraction = 4,

    /// <summary>Active in both, same value. Value delta: 0.</summary>
    Flat = 5,

    /// <summary>Active in the period before, not in this one. Value delta: -v(p-1).</summary>
    Churned = 6,
}
