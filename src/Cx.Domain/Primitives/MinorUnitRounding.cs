namespace Cx.Domain.Primitives;

/// <summary>What to do when a decimal amount has more decimals than its currency's minor unit.</summary>
public enum MinorUnitRounding
{
    /// <summary>Not chosen; rejected by every API that takes a rounding.</summary>
    Unknown = 0,

    /// <summary>Round to the nearest minor unit, ties to the even unit (banker's rounding): 0.125 USD becomes 0.12, 0.135 becomes 0.14.</summary>
    HalfToEven = 1,

    /// <summary>Reject the amount with an error instead of rounding it.</summary>
    RejectExcessPrecision = 2,
}
