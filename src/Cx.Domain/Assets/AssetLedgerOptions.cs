using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>How an <see cref="AssetLedger"/> treats its input.</summary>
/// <remarks>An options type: settable, validated by <see cref="Validation.AssetLedgerOptionsValidator"/> when a ledger is built.</remarks>
public sealed class AssetLedgerOptions
{
    /// <summary>Gets or sets the ledger's currency; null (the default) takes the first record's currency, and every
    /// other record must match it.</summary>
    public Currency? Currency { get; set; }

    /// <summary>Gets or sets what to do with a negative net value of a customer in a period; <see cref="NegativeValuePolicy.Reject"/> by default.</summary>
    public NegativeValuePolicy NegativeValues { get; set; } = NegativeValuePolicy.Reject;

    /// <summary>Gets or sets what to do with records after the grid's last period; <see cref="AfterGridPolicy.Reject"/> by default.</summary>
    public AfterGridPolicy AfterGrid { get; set; } = AfterGridPolicy.Reject;
}
