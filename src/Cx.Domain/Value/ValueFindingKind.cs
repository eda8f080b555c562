namespace Cx.Domain.Value;

/// <summary>What a <see cref="ValueFinding"/> is about.</summary>
public enum ValueFindingKind
{
    /// <summary>Not set (<c>default</c>); never the kind of a finding.</summary>
    Unknown = 0,

    /// <summary>Purchases come at regular intervals (<see cref="PurchaseRegularity.IsRegular"/>), where the models assume
    /// purchases at random; when they are clock-like, the data look contractual (subscriptions, leases) and a
    /// non-contractual model does not fit them.</summary>
    RegularPurchases = 1,

    /// <summary>The purchase model's fit did not reach a proper maximum: no holdout check, values or at-risk list are
    /// computed from it.</summary>
    PurchaseFitNotConverged = 2,

    /// <summary>The holdout purchases differ from the model's expectation by more than
    /// <see cref="CustomerValueAnalysis.HoldoutToleranceFraction"/>.</summary>
    HoldoutMismatch = 3,

    /// <summary>There is no holdout period, so the model's predictions are not checked.</summary>
    NoHoldout = 4,

    /// <summary>No spend model is used (no repeat buyer, a repeat buyer without spend, or a spend fit that did not converge
    /// or has no finite mean): values use each customer's observed mean spend.</summary>
    SpendModelNotUsed = 5,

    /// <summary>Spend per purchase is correlated with the number of purchases, which the Gamma-Gamma model assumes
    /// independent (|ρ| ≥ <see cref="CustomerValueAnalysis.SpendCorrelationLimit"/>).</summary>
    SpendDependsOnFrequency = 6,
}
