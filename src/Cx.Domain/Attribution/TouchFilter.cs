namespace Cx.Domain.Attribution;

/// <summary>Which touches of a customer count for one direction of attribution.</summary>
public enum TouchFilter
{
    /// <summary>Not set; rejected by validation.</summary>
    Unknown = 0,

    /// <summary>Every touch, whatever its outcome.</summary>
    All = 1,

    /// <summary>Only touches whose outcome was unreliable: "where did we lose the right to growth".</summary>
    UnreliableOnly = 2,

    /// <summary>Only touches whose outcome was reliable.</summary>
    ReliableOnly = 3,
}
