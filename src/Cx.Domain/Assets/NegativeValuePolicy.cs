namespace Cx.Domain.Assets;

/// <summary>What a ledger does when a customer's net value in a period is below zero (refunds exceed purchases).</summary>
public enum NegativeValuePolicy
{
    /// <summary>Not chosen; rejected by validation.</summary>
    Unknown = 0,

    /// <summary>Reject the input with an error naming each customer and period (the default).</summary>
    Reject = 1,

    /// <summary>Count the customer's value in that period as zero; the ledger lists every floored case in <see cref="AssetLedger.FlooredCells"/>.</summary>
    FloorAtZero = 2,
}
