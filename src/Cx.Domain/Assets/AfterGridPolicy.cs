namespace Cx.Domain.Assets;

/// <summary>What a ledger does with records dated after the grid's last period.</summary>
public enum AfterGridPolicy
{
    /// <summary>Not chosen; rejected by validation.</summary>
    Unknown = 0,

    /// <summary>Reject each such record with an error naming it (the default).</summary>
    Reject = 1,

    /// <summary>Leave them out and count them in <see cref="AssetLedger.ExcludedRecordCount"/>.</summary>
    Exclude = 2,
}
